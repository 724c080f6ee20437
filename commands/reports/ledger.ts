// /ledger [会议编号] (/台账): the 台账 by the word secretaries use for it. With a meeting's code, that
// meeting's ledger (as /meeting); without, where the 台账 are: the branch's workbook for whoever may
// export it (buttons for this quarter and this year), and how to see one meeting's.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { mayRun } from "../../src/core/roles.js";
import { meetingCodeArg } from "../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../src/runtime/command.js";
import { meeting } from "../meetings/records/meeting.js";
import { exportLedger } from "./export.js";

export const ledger = defineCommand({
  name: "ledger",
  aliases: ["台账"],
  role: "anyone",
  args: z.union([z.tuple([meetingCodeArg]), z.tuple([])]),
  async run(ctx) {
    const [code] = ctx.args;
    if (code) return meeting.run({ ...ctx, args: [code] });
    if (!mayRun(exportLedger.role, ctx.actor.roles)) return textReply(ctx.t("ledgerGuide.guide"));
    return textReply(`${ctx.t("ledgerGuide.exports")}\n${ctx.t("ledgerGuide.guide")}`, {
      buttons: [
        [
          { label: ctx.t("ledgerGuide.quarter"), command: "export", args: ["季"] },
          { label: ctx.t("ledgerGuide.year"), command: "export", args: ["年"] },
        ],
      ],
    });
  },
});
