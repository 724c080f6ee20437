// /develop 申请 <姓名> <出生日期> [收到日期]: opens a 发展党员 file when the branch receives an
// application (the applicant's 查看码 comes back privately).
// /develop <档案编号> <步骤> [日期] [党员编号…|会议编号 赞成N|3天|24学时|6个月] [备注]: records a step,
// checked against the order and the time rules; a refused step writes nothing and says the rule.
// /develop <档案编号> alone: names the next step and takes the answer in the private chat.
// A file sent with the command (the caption is the command) is kept with the step.
import { z } from "zod";
import { DomainError } from "../../src/core/domain-error.js";
import { type Reply, textReply } from "../../src/core/reply.js";
import { readDay, readStepInput } from "../../src/development/development-args.js";
import { duesOf, localDay, nextStep, stateOf } from "../../src/development/development-rules.js";
import { stepOfWord } from "../../src/development/development-steps.js";
import { detailsText, nextText } from "../../src/development/development-text.js";
import { type CommandContext, defineCommand } from "../../src/runtime/command.js";
import { codeArg, nameArg, requireOrg } from "../../src/runtime/command-helpers.js";

const token = z.string().min(1).max(200);

type Ctx = CommandContext<unknown>;

export const develop = defineCommand({
  name: "develop",
  aliases: ["发展党员", "发展"],
  role: "committee_member",
  args: z.union([
    z.tuple([z.enum(["申请", "入党申请", "apply"]), nameArg, token], token),
    z.tuple([codeArg, token], token),
    z.tuple([codeArg]),
  ]),
  async run(ctx) {
    requireOrg(ctx);
    const today = localDay(ctx.now, ctx.zone);
    const [first, second, ...more] = ctx.args;
    if (second === undefined) return askNextStep(ctx, ctx.personId, first);
    if (first === "申请" || first === "入党申请" || first === "apply")
      return openFile(ctx, ctx.personId, second, more, today);
    // A guided answer arrives as one piece: "谈话 2026-03-05 了解入党动机".
    const [word = "", ...inline] = second.trim().split(/\s+/);
    return recordStep(ctx, ctx.personId, first, word, [...inline, ...more], today);
  },
});

/** Guided: the file's next step is named, and the answer (in the private chat) records it. */
async function askNextStep(ctx: Ctx, personId: string, code: string): Promise<Reply> {
  const { file, limits } = await ctx.services.developmentFiles.file(personId, code);
  const next = nextStep(stateOf(file), limits);
  return ctx.ask(
    ctx.t("development.askStep", { name: file.name, next: nextText(next, ctx.t) }),
    "develop",
    [file.code],
    "private",
  );
}

async function openFile(
  ctx: Ctx,
  personId: string,
  name: string,
  [birthText = "", onText]: string[],
  today: string,
): Promise<Reply> {
  const org = requireOrg(ctx);
  const birth = readDay(birthText, today);
  const on = onText ? readDay(onText, today) : today;
  if (!birth || birth === "bad" || !on || on === "bad") throw new DomainError("development.badDate");
  const file = await ctx.services.development.apply(personId, org, { name, birthDate: birth, on }, ctx.now);
  const { limits } = await ctx.services.development.limitsOf(org.id);
  const talk = duesOf(stateOf(file), limits).find((d) => d.kind === "talk");
  return textReply(
    ctx.t("development.applied", {
      name: file.name,
      code: file.code,
      on,
      due: talk?.due ?? "",
      claim: file.claimCode ?? "",
    }),
    { visibility: "private" },
  );
}

async function recordStep(
  ctx: Ctx,
  personId: string,
  code: string,
  word: string,
  rest: string[],
  today: string,
): Promise<Reply> {
  const step = stepOfWord(word);
  if (!step) throw new DomainError("development.unknownStep", { step: word });
  const input = readStepInput(rest, today);
  if (input === "badDate") throw new DomainError("development.badDate");
  const details =
    step.needs === "reason" ? { ...input.details, reason: input.notes ?? undefined } : input.details;
  const outcome = await ctx.services.development.record(
    personId,
    code,
    step.key,
    {
      on: input.on,
      details,
      notes: step.needs === "reason" ? null : input.notes,
      ...(ctx.attachment ? { attachment: ctx.attachment } : {}),
    },
    ctx.now,
  );
  const lines = recordedLines(ctx, step, outcome);
  if (outcome.file.stage !== "cancelled") {
    const { limits } = await ctx.services.development.limitsOf(outcome.file.organizationId);
    lines.push(nextText(nextStep(stateOf(outcome.file), limits), ctx.t));
  }
  return textReply(lines.join("\n"), { visibility: "private" });
}

/** What the step did, and what it made of the file (a new stage, a 预备党员, a longer 预备期). */
function recordedLines(
  ctx: Ctx,
  step: NonNullable<ReturnType<typeof stepOfWord>>,
  outcome: Awaited<ReturnType<Ctx["services"]["development"]["record"]>>,
): string[] {
  const { file } = outcome;
  const entry = file.steps.filter((s) => s.step === step.key).at(-1);
  const lines = [
    ctx.t("development.recorded", {
      name: file.name,
      code: file.code,
      on: entry?.on ?? "",
      step: step.key,
      details: entry ? detailsText(entry.details, ctx.t) : "",
    }),
  ];
  if (outcome.late) lines.push(ctx.t("development.late", { kind: outcome.late.kind, due: outcome.late.due }));
  if (step.becomes) lines.push(ctx.t("development.nowStage", { name: file.name, stage: file.stage }));
  if (step.key === "admission_vote" && outcome.member)
    lines.push(
      ctx.t("development.admitted", {
        name: file.name,
        member: outcome.member.code,
        end: file.probationEndsOn ?? "",
      }),
    );
  if (step.key === "extend") lines.push(ctx.t("development.extended", { end: file.probationEndsOn ?? "" }));
  if (step.key === "full_approval") lines.push(ctx.t("development.fullMember", { name: file.name }));
  if (step.key === "cancel") lines.push(ctx.t("development.removed", { name: file.name }));
  return lines;
}
