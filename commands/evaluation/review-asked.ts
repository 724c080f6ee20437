// What /review and its 提交党委 button share: the period asked for ([上期] or this one), the
// branch, the secretary, and the report as the records write it now.
import { z } from "zod";
import { lastArg } from "../../src/evaluation/evaluation-args.js";
import { branchReview } from "../../src/evaluation/review-text.js";
import type { CommandContext } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const reviewArgs = z.union([z.tuple([]), z.tuple([lastArg])]);

export async function reviewAsked(ctx: CommandContext<z.infer<typeof reviewArgs>>, personId: string) {
  const [which = "this"] = ctx.args;
  const org = requireOrg(ctx);
  const { key, text } = await branchReview(ctx.services, personId, org, which, ctx.now, ctx.t);
  return { which, org, key, text };
}
