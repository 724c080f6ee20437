// /requests: what waits for this secretary's decision — join requests, community registrations
// and incoming transfers — each with its buttons.
import { z } from "zod";
import { type Reply, textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const requests = defineCommand({
  name: "requests",
  aliases: ["待审批", "申请"],
  role: "secretary",
  args: z.tuple([]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const [joins, registrations, transfers] = await Promise.all([
      ctx.services.membership.pendingRequests(ctx.personId, org),
      ctx.services.registrations.pending(ctx.personId, org),
      ctx.services.transfers.incoming(ctx.personId, org),
    ]);
    const replies: Reply[] = [
      ...joins.map((r) =>
        textReply(ctx.t("members.requestLine", { code: r.code, name: r.name, org: r.organization.name }), {
          buttons: [
            [
              { label: ctx.t("members.approveFull"), command: "approve", args: [r.code, "正式"] },
              { label: ctx.t("members.approveProbationary"), command: "approve", args: [r.code, "预备"] },
              { label: ctx.t("members.rejectButton"), command: "reject", args: [r.code] },
            ],
          ],
        }),
      ),
      ...registrations.map((r) =>
        textReply(
          ctx.t("members.registrationLine", {
            code: r.code ?? "",
            name: r.member.name,
            branch: r.member.organization.name,
            community: r.organization.name,
          }),
          {
            buttons: [
              [
                {
                  label: ctx.t("members.approveRegistration"),
                  command: "approve_register",
                  args: [r.code ?? ""],
                },
                { label: ctx.t("members.rejectButton"), command: "reject_register", args: [r.code ?? ""] },
              ],
            ],
          },
        ),
      ),
      ...transfers.map((r) =>
        textReply(
          ctx.t("members.transferLine", {
            code: r.code,
            name: r.member.name,
            from: r.from.name,
            to: r.to.name,
          }),
          {
            buttons: [
              [
                { label: ctx.t("members.acceptTransfer"), command: "accept_transfer", args: [r.code] },
                { label: ctx.t("members.declineTransfer"), command: "decline_transfer", args: [r.code] },
              ],
            ],
          },
        ),
      ),
    ];
    if (replies.length === 0) return textReply(ctx.t("members.noRequests"));
    return [textReply(ctx.t("members.requestsTitle", { count: replies.length })), ...replies];
  },
});
