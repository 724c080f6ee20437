// How a development file and the pipeline read in the chat: one line per step with what it
// named, what is due, what comes next. Shared by /develop, /pipeline and /dev_file.
import type { Translate } from "../core/i18n.js";
import type { PipelineLine } from "./development-files.js";
import type { DevelopmentFile } from "./development-repository.js";
import { type DevelopmentLimits, duesOf, nextStep, type StepDetails, stateOf } from "./development-rules.js";

export function detailsText(details: StepDetails, t: Translate): string {
  if (details.members?.length)
    return t("development.detailMembers", {
      names: details.members.map((code, i) => `${details.memberNames?.[i] ?? ""} ${code}`.trim()).join("、"),
    });
  if (details.meeting)
    return t("development.detailVote", { meeting: details.meeting, votes: details.votesFor ?? 0 });
  if (details.days || details.hours)
    return t("development.detailTraining", {
      length: [details.days ? `${details.days}天` : "", details.hours ? `${details.hours}学时` : ""]
        .filter(Boolean)
        .join(" "),
    });
  if (details.months) return t("development.detailMonths", { months: details.months });
  return "";
}

export function nextText(next: { step: string; earliest: string | null } | null, t: Translate): string {
  if (!next) return t("development.end");
  return next.earliest
    ? t("development.nextEarliest", { step: next.step, on: next.earliest })
    : t("development.next", { step: next.step });
}

/** The 纪实: every step with its day and what it named, the 预备期, what is due and what is next. */
export function fileText(
  file: DevelopmentFile,
  branchName: string,
  limits: DevelopmentLimits,
  today: string,
  t: Translate,
): string {
  const lines = [
    t("development.fileTitle", { code: file.code, name: file.name, stage: file.stage, branch: branchName }),
  ];
  for (const step of file.steps)
    lines.push(
      t("development.fileLine", {
        on: step.on,
        step: step.step,
        details: detailsText(step.details, t),
        notes: step.notes ? `：${step.notes}` : "",
      }) +
        (step.attachments.length > 0
          ? t("development.fileAttachments", { names: step.attachments.map((a) => a.filename).join("、") })
          : ""),
    );
  if (file.probationEndsOn && file.stage === "probationary")
    lines.push(t("development.fileProbation", { end: file.probationEndsOn }));
  const state = stateOf(file);
  for (const due of duesOf(state, limits))
    lines.push(
      due.due < today
        ? `${t("development.nudges.overdue")}${t("development.fileDue", { kind: due.kind, due: due.due })}`
        : t("development.fileDue", { kind: due.kind, due: due.due }),
    );
  if (file.stage !== "cancelled") lines.push(nextText(nextStep(state, limits), t));
  return lines.join("\n");
}

export function pipelineLineText(
  line: PipelineLine,
  today: string,
  t: Translate,
  withBranch: boolean,
): string {
  const due = line.dues[0];
  const dueText = due
    ? t(due.due < today ? "development.overdueText" : "development.dueText", { kind: due.kind, due: due.due })
    : "";
  const text = t("development.pipelineLine", {
    code: line.file.code,
    name: line.file.name,
    stage: line.file.stage,
    next: nextText(line.next, t),
    due: dueText,
  });
  return withBranch ? `${t("development.pipelineBranch", { branch: line.branch.name })}${text}` : text;
}
