// The member hears how their leave request was decided, privately, in their language.

import { formatDateTime } from "../../../src/core/format.js";
import { textReply } from "../../../src/core/reply.js";
import type { CommandContext } from "../../../src/runtime/command.js";
import { notify } from "../../../src/runtime/notify.js";

export async function tellLeaveDecision(
  ctx: CommandContext<unknown>,
  decided: {
    meeting: { topic: string; startsAt: Date; organizationId: string };
    member: { personId: string | null } | null;
  },
  leaveCode: string,
  approved: boolean,
  note: string | null,
): Promise<void> {
  const { meeting, member } = decided;
  const zone = await ctx.services.zones.of(meeting.organizationId);
  await notify(
    ctx,
    [member?.personId],
    (t) =>
      textReply(
        t(approved ? "notices.leaveApproved" : "notices.leaveRejected", {
          topic: meeting.topic,
          when: formatDateTime(meeting.startsAt, zone),
          note: note ? t("notices.reason", { reason: note }) : "",
        }),
      ),
    `leave-decided:${leaveCode}`,
  );
}
