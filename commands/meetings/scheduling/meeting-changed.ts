// A meeting changed (edited, cancelled): its announcement is redrawn where it was posted, and the
// group is told in one line what changed, so nobody has to open the card to find out.
import { textReply } from "../../../src/core/reply.js";
import { announce } from "../../../src/meetings/announce.js";
import type { CommandContext } from "../../../src/runtime/command.js";

export async function tellGroupOfChange(
  ctx: CommandContext<unknown>,
  meeting: Parameters<typeof announce>[1],
  key: "meetingChanged.cancelled" | "meetingChanged.edited",
  values: Record<string, unknown>,
): Promise<void> {
  await announce(ctx.services, meeting, ctx.now);
  await ctx.services.outbox.toOrganization(meeting.organizationId, textReply(ctx.groupT(key, values)), {
    now: ctx.now,
  });
}
