// /outbox: what the bot still has to send and what it gave up on (administrators). Dead letters
// are messages the platform refused for good (a person out of reach, a group the bot left, content
// refused) or whose retries ran out; `/outbox retry` puts them all back, `/outbox retry <id>` one.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { formatDateTime } from "../../src/runtime/command-helpers.js";

const RETRY = z.enum(["retry", "重发", "重试"]);
const ALL = z.enum(["all", "全部"]);

export const outbox = defineCommand({
  name: "outbox",
  aliases: ["发送队列"],
  role: "org_admin",
  args: z.union([
    z.tuple([]),
    z.tuple([RETRY]),
    z.tuple([RETRY, z.union([ALL, z.string().regex(/^[a-z0-9]{4,40}$/i)])]),
  ]),
  async run(ctx) {
    const [verb, which] = ctx.args;
    if (verb) {
      const prefix = !which || ALL.safeParse(which).success ? undefined : which.toLowerCase();
      const count = await ctx.services.outbox.retryDead(ctx.now, prefix);
      return textReply(ctx.t("outbox.retried", { count }), { visibility: "private" });
    }
    const { waiting, retrying, dead } = await ctx.services.outbox.backlog(ctx.now);
    const deadTotal = Object.values(dead).reduce((a, b) => a + b, 0);
    const lines = [
      ctx.t("outbox.title"),
      ctx.t("outbox.counts", { waiting, retrying, dead: deadTotal }),
      ...Object.entries(dead).map(([failure, count]) => `  ${ctx.t(`outbox.failure.${failure}`)}：${count}`),
    ];
    const letters = await ctx.services.outbox.deadLetters(10);
    if (letters.length === 0) lines.push(ctx.t("outbox.none"));
    else {
      lines.push(ctx.t("outbox.deadTitle"));
      for (const letter of letters)
        lines.push(
          ctx.t("outbox.deadLine", {
            id: letter.id.slice(0, 10),
            platform: ctx.t(`platforms.${letter.platform}`),
            chat: letter.chatId,
            failure: ctx.t(`outbox.failure.${letter.failure ?? "gave-up"}`),
            when: letter.deadAt ? formatDateTime(letter.deadAt, ctx.zone) : "",
            attempts: letter.attempts,
          }),
        );
      lines.push(ctx.t("outbox.retryHint"));
    }
    return textReply(lines.join("\n"), { visibility: "private" });
  },
});
