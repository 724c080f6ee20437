// The 发展党员 records as inspectors read them, in the 台账's own style (frozen bold header,
// filters): the 发展党员工作台账 — a row a person with the dates of the milestones, who their
// 培养联系人 and 入党介绍人 are, the 预备期 and what is next — and one person's 纪实表, every step of
// the procedure in order with its day (blank while not yet done), what it named and its note.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Translate } from "../core/i18n.js";
import { addSheet, columns, excel } from "../exports/excel.js";
import type { DevelopmentFile } from "./development-repository.js";
import {
  type DevelopmentLimits,
  duesOf,
  lastOf,
  nextStep,
  type StepDetails,
  stateOf,
} from "./development-rules.js";
import { STEPS } from "./development-steps.js";

const PIPELINE_HEADERS = columns({
  支部: 24,
  档案编号: 10,
  姓名: 10,
  出生日期: 12,
  阶段: 14,
  递交申请: 12,
  确定积极分子: 14,
  培养联系人: 16,
  确定发展对象: 14,
  入党介绍人: 16,
  集中培训: 10,
  接收预备党员: 14,
  预备期至: 12,
  转正: 12,
  下一步: 28,
  到期事项: 30,
});

export interface PipelineExportRow {
  branch: string;
  file: DevelopmentFile;
  limits: DevelopmentLimits;
  /** Member codes → names, for the people the steps named. */
  names: ReadonlyMap<string, string>;
}

const trainingText = (d: StepDetails | undefined) =>
  d ? [d.days ? `${d.days}天` : "", d.hours ? `${d.hours}学时` : ""].filter(Boolean).join(" ") : "";

export async function writePipelineWorkbook(
  rows: readonly PipelineExportRow[],
  today: string,
  t: Translate,
  file: string,
): Promise<void> {
  const workbook = await workbookAt(file);
  const ws = addSheet(workbook, "发展党员工作台账", PIPELINE_HEADERS);
  for (const { branch, file: record, limits, names } of rows) {
    const state = stateOf(record);
    const on = (step: string) => lastOf(state, step)?.on ?? "";
    const people = (step: string) =>
      (lastOf(state, step)?.details.members ?? [])
        .map((c, i) => lastOf(state, step)?.details.memberNames?.[i] ?? names.get(c) ?? c)
        .join("、");
    const next = record.stage === "cancelled" ? null : nextStep(state, limits);
    ws.addRow([
      branch,
      record.code,
      record.name,
      record.birthDate,
      t(`development.stages.${record.stage}`),
      on("application"),
      on("activist"),
      people("contacts"),
      on("candidate"),
      people("introducers"),
      trainingText(lastOf(state, "training")?.details),
      on("admission_vote"),
      record.probationEndsOn ?? "",
      on("full_approval"),
      next ? t(`development.steps.${next.step}`) : "",
      duesOf(state, limits)
        .map((d) => `${d.due < today ? "【已逾期】" : ""}${t(`development.dueKinds.${d.kind}`)} ${d.due}`)
        .join("；"),
    ]).commit();
  }
  ws.commit();
  await workbook.commit();
}

const RECORD_HEADERS = columns({ 序号: 6, 阶段: 16, 步骤: 30, 日期: 12, 经办: 10, 说明: 28, 备注: 30 });

/** The stage a step belongs to in the 纪实表 (the five stages of the procedure). */
const STAGE_OF_STEP: Record<string, string> = {
  application: "一、申请入党",
  talk: "一、申请入党",
  recommend: "二、入党积极分子的确定和培养教育",
  activist: "二、入党积极分子的确定和培养教育",
  activist_filed: "二、入党积极分子的确定和培养教育",
  contacts: "二、入党积极分子的确定和培养教育",
  review: "二、入党积极分子的确定和培养教育",
  candidate: "三、发展对象的确定和考察",
  candidate_filed: "三、发展对象的确定和考察",
  introducers: "三、发展对象的确定和考察",
  political_review: "三、发展对象的确定和考察",
  training: "三、发展对象的确定和考察",
  committee_review: "四、预备党员的接收",
  pre_review: "四、预备党员的接收",
  publicity: "四、预备党员的接收",
  volunteer_form: "四、预备党员的接收",
  admission_vote: "四、预备党员的接收",
  committee_talk: "四、预备党员的接收",
  approval: "四、预备党员的接收",
};
const LAST_STAGE = "五、预备党员的教育考察和转正";

/** One person's 纪实表: the whole procedure in order, each step's day filled in where done. */
export async function writeRecordWorkbook(
  record: DevelopmentFile,
  branch: string,
  recorders: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
  t: Translate,
  file: string,
): Promise<void> {
  const workbook = await workbookAt(file);
  const about = addSheet(workbook, "基本情况", [
    { header: "项目", width: 12 },
    { header: "内容", width: 30 },
  ]);
  for (const row of [
    ["姓名", record.name],
    ["出生日期", record.birthDate],
    ["支部", branch],
    ["档案编号", record.code],
    ["阶段", t(`development.stages.${record.stage}`)],
    ["预备期至", record.probationEndsOn ?? ""],
  ])
    about.addRow(row).commit();
  about.commit();
  const ws = addSheet(workbook, "发展党员纪实表", RECORD_HEADERS);
  const detail = (d: StepDetails) =>
    d.members?.length
      ? d.members.map((c, i) => d.memberNames?.[i] ?? names.get(c) ?? c).join("、")
      : d.meeting
        ? `会议 ${d.meeting}，赞成 ${d.votesFor ?? 0} 票`
        : d.months
          ? `${d.months} 个月`
          : trainingText(d) || (d.reason ?? "");
  let n = 0;
  for (const rule of STEPS) {
    const done = record.steps.filter((s) => s.step === rule.key);
    // Steps that happen only when needed (延长, 取消) appear only when they did.
    if (done.length === 0 && (rule.key === "extend" || rule.key === "cancel")) continue;
    for (const step of done.length > 0 ? done : [null]) {
      n += 1;
      ws.addRow([
        n,
        STAGE_OF_STEP[rule.key] ?? LAST_STAGE,
        t(`development.steps.${rule.key}`),
        step?.on ?? "",
        step ? (recorders.get(step.recordedById) ?? "") : "",
        step ? detail(step.details) : "",
        step?.notes ?? "",
      ]).commit();
    }
  }
  ws.commit();
  await workbook.commit();
}

/** A streaming workbook written to `file`, its folder made first. */
async function workbookAt(file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  const workbook = new (await excel()).stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  workbook.creator = "党支部助手";
  return workbook;
}
