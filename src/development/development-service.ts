// 发展党员 records kept step by step: an application opens a record, each step is checked against
// the rules (order, intervals, who may record it, who it names, the vote's quorum) and written
// with its effects — the stage it leads to, the 预备期, the roster entry of an admitted 预备党员 and
// their 转正 — in the command's one transaction. Refused steps write nothing.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AccessRepository } from "../access/access-repository.js";
import type { AccessService } from "../access/access-service.js";
import type { AuditRepository } from "../audit/audit-repository.js";
import { DomainError, Forbidden } from "../core/domain-error.js";
import type { Translate } from "../core/i18n.js";
import type { PrivateFiles } from "../core/private-files.js";
import { shortCode } from "../core/short-code.js";
import type { MeetingRepository } from "../meetings/meeting-repository.js";
import { freshMemberCodes } from "../membership/member-codes.js";
import type { MemberRecord, MemberRepository } from "../membership/member-repository.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings } from "../organization/settings.js";
import { writePipelineWorkbook, writeRecordWorkbook } from "./development-export.js";
import type { DevelopmentFile, DevelopmentRepository } from "./development-repository.js";
import {
  type DevelopmentLimits,
  type Due,
  duesOf,
  lastOf,
  localDay,
  nextStep,
  oldEnoughToApply,
  probationEndAfter,
  refusalFor,
  type StepDetails,
  stateOf,
  trainingEnough,
} from "./development-rules.js";
import { type Stage, type StepRule, stepRule } from "./development-steps.js";

export interface PipelineLine {
  file: DevelopmentFile;
  branch: OrgRecord;
  next: { step: string; earliest: string | null } | null;
  dues: Due[];
  /** The soonest thing due, for ordering: overdue first. */
  soonest: string | null;
}

export interface RecordedOutcome {
  file: DevelopmentFile;
  step: StepRule;
  /** A deadline the step was recorded after (谈话 more than a month after the application). */
  late: Due | null;
  /** The roster entry made or changed: admitted as 预备, or 转正. */
  member: MemberRecord | null;
}

/** A file kept with a step: scans and photos, not archives. */
const MAX_ATTACHMENT_BYTES = 10 * 1_048_576;

const MOVING: readonly Stage[] = ["applicant", "activist", "candidate", "probationary"];

export class DevelopmentService {
  constructor(
    private readonly repo: DevelopmentRepository,
    private readonly members: MemberRepository,
    private readonly meetings: MeetingRepository,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly roles: AccessRepository,
    private readonly audit: AuditRepository,
    private readonly files: PrivateFiles,
    private readonly defaultTimeZone: string,
  ) {}

  /** The rules' figures for a branch, as its committee set them (inherited settings). */
  async limitsOf(branchId: string): Promise<{ limits: DevelopmentLimits; zone: string; chain: OrgRecord[] }> {
    const chain = await this.orgs.chain(branchId);
    const s = effectiveSettings(chain);
    const n = (key: keyof typeof s) => s[key].value as number;
    return {
      chain,
      zone: chain.find((o) => o.timeZone)?.timeZone ?? this.defaultTimeZone,
      limits: {
        talkWithinDays: n("development.talkWithinDays"),
        activistMonths: n("development.activistMonths"),
        reviewEveryMonths: n("development.reviewEveryMonths"),
        trainingDays: n("development.trainingDays"),
        trainingHours: n("development.trainingHours"),
        publicityDays: n("development.publicityDays"),
        approvalMonths: n("development.approvalMonths"),
        noticeDays: n("development.noticeDays"),
      },
    };
  }

  /** Opens a record on the day the branch received the application; the 查看码 goes to the applicant. */
  async apply(
    actorId: string,
    branch: OrgRecord,
    input: { name: string; birthDate: string; on: string | null },
    now: Date,
  ): Promise<DevelopmentFile> {
    if (branch.kind !== "branch") throw new DomainError("development.branchOnly");
    await this.access.require(actorId, branch.id, "committee_member");
    const { zone } = await this.limitsOf(branch.id);
    const today = localDay(now, zone);
    const on = input.on ?? today;
    if (on > today) throw new DomainError("development.refused.future", { on });
    if (!oldEnoughToApply(input.birthDate, on))
      throw new DomainError("development.refused.underAge", { birth: input.birthDate, on });
    const [code = "", claimCode = ""] = await this.#freshCodes();
    const record = await this.repo.create({
      code,
      organizationId: branch.id,
      name: input.name,
      birthDate: input.birthDate,
      claimCode,
      createdById: actorId,
      createdAt: now,
    });
    await this.repo.addStep(record.id, {
      step: "application",
      on,
      details: {},
      recordedById: actorId,
      notes: null,
      createdAt: now,
    });
    await this.audit.record({
      at: now,
      actorPersonId: actorId,
      organizationId: branch.id,
      action: "development.apply",
      details: { code, on },
    });
    return this.#file(code);
  }

  /** Records one step of a person's record, or refuses it with the rule's words. */
  async record(
    actorId: string,
    code: string,
    key: string,
    input: {
      on: string | null;
      details: StepDetails;
      notes: string | null;
      /** A file sent with the command (a scan, a photo of a form), kept with the step. */
      attachment?: { filename: string; path: string };
    },
    now: Date,
  ): Promise<RecordedOutcome> {
    const file = await this.#file(code);
    const rule = stepRule(key);
    if (!rule || key === "application") throw new DomainError("development.unknownStep", { step: key });
    const branch = await this.orgs.findById(file.organizationId);
    if (!branch) throw new DomainError("development.notFound", { code });
    await this.#mayRecord(actorId, branch, rule);
    const { limits, zone } = await this.limitsOf(branch.id);
    const today = localDay(now, zone);
    const on = input.on ?? today;
    const state = stateOf(file);
    const refusal = refusalFor(state, rule, on, today, limits);
    if (refusal)
      throw new DomainError(`development.refused.${refusal.code}`, { ...refusal.params, name: file.name });
    const details = await this.#checkDetails(rule, branch, file, input.details, limits);
    const late = duesOf(state, limits).find((d) => d.kind === rule.key && d.due < on) ?? null;
    const content = input.attachment ? await readFile(input.attachment.path) : null;
    if (content && content.length > MAX_ATTACHMENT_BYTES)
      throw new DomainError("development.attachmentTooLarge", { mb: MAX_ATTACHMENT_BYTES / 1_048_576 });
    const entry = { step: rule.key, on, details };
    const stepId = await this.repo.addStep(file.id, {
      ...entry,
      recordedById: actorId,
      notes: input.notes,
      createdAt: now,
    });
    if (content && input.attachment)
      await this.repo.addAttachment(stepId, path.basename(input.attachment.filename), content, now);
    const stage = rule.becomes ?? file.stage;
    await this.repo.update(file.id, { stage, probationEndsOn: probationEndAfter(state, entry) });
    const member = await this.#rosterEffect(file, rule, on);
    await this.audit.record({
      at: now,
      actorPersonId: actorId,
      organizationId: branch.id,
      action: `development.${rule.key}`,
      details: { code, on, ...details },
    });
    return { file: await this.#file(code), step: rule, late, member };
  }

  /** Everyone in the pipeline of the branch — or of every branch below a committee — overdue first. */
  async pipeline(actorId: string, org: OrgRecord): Promise<PipelineLine[]> {
    await this.access.require(actorId, org.id, "committee_member");
    const branches =
      org.kind === "branch" ? [org] : (await this.orgs.subtree(org.id)).filter((o) => o.kind === "branch");
    const byId = new Map(branches.map((b) => [b.id, b]));
    const files = await this.repo.filesOf(branches.map((b) => b.id));
    const lines: PipelineLine[] = [];
    const limitsBy = new Map<string, DevelopmentLimits>();
    for (const file of files) {
      if (!MOVING.includes(file.stage) && file.stage !== "full") continue;
      if (file.stage === "full" && lastOf(stateOf(file), "archive")) continue;
      const branch = byId.get(file.organizationId);
      if (!branch) continue;
      let limits = limitsBy.get(branch.id);
      if (!limits) {
        limits = (await this.limitsOf(branch.id)).limits;
        limitsBy.set(branch.id, limits);
      }
      const state = stateOf(file);
      const dues = duesOf(state, limits);
      lines.push({ file, branch, next: nextStep(state, limits), dues, soonest: dues[0]?.due ?? null });
    }
    return lines.sort(
      (a, b) =>
        (a.soonest ?? "9999").localeCompare(b.soonest ?? "9999") ||
        a.file.createdAt.getTime() - b.file.createdAt.getTime(),
    );
  }

  /** The 发展党员工作台账 of the branch (or of every branch below a committee) as .xlsx. */
  async exportPipeline(actorId: string, org: OrgRecord, t: Translate, now: Date) {
    await this.access.require(actorId, org.id, "committee_member");
    const branches =
      org.kind === "branch" ? [org] : (await this.orgs.subtree(org.id)).filter((o) => o.kind === "branch");
    const byId = new Map(branches.map((b) => [b.id, b]));
    const records = await this.repo.filesOf(branches.map((b) => b.id));
    const rows = [];
    for (const file of records)
      rows.push({
        branch: byId.get(file.organizationId)?.name ?? "",
        file,
        limits: (await this.limitsOf(file.organizationId)).limits,
        names: await this.#namesIn(file),
      });
    const { zone } = await this.limitsOf(org.id);
    const filename = `${org.name}-发展党员工作台账-${localDay(now, zone)}.xlsx`;
    const path = await this.files.place("exports", filename);
    await writePipelineWorkbook(rows, localDay(now, zone), t, path);
    await this.files.seal(path);
    return { path, filename, count: rows.length };
  }

  /** The n-th file kept with a person's steps (1-based, in the order of the file), to send privately. */
  async attachment(actorId: string, code: string, n: number) {
    const { file } = await this.file(actorId, code);
    const found = file.steps.flatMap((s) => s.attachments)[n - 1];
    const stored = found ? await this.repo.attachmentContent(found.id) : null;
    if (!stored) throw new DomainError("development.noAttachment", { code: file.code, n });
    const target = await this.files.place("exports", stored.filename);
    await writeFile(target, stored.content, { mode: 0o600 });
    return { path: target, filename: stored.filename, file };
  }

  /** One person's 纪实表 as .xlsx, for those who may see the file. */
  async exportRecord(actorId: string, code: string, t: Translate) {
    const { file } = await this.file(actorId, code);
    const branch = await this.orgs.findById(file.organizationId);
    const recorders = await this.repo.personNames(file.steps.map((s) => s.recordedById));
    const filename = `${file.name}-发展党员纪实表.xlsx`;
    const path = await this.files.place("exports", filename);
    await writeRecordWorkbook(file, branch?.name ?? "", recorders, await this.#namesIn(file), t, path);
    await this.files.seal(path);
    return { path, filename, file };
  }

  /**
   * One person's file: for the branch's 支委 and the committees above, and for the person
   * themselves — to anyone else it does not exist.
   */
  async file(actorId: string, code: string): Promise<{ file: DevelopmentFile; limits: DevelopmentLimits }> {
    const file = await this.repo.fileByCode(code.toUpperCase());
    if (!file) throw new DomainError("development.notFound", { code });
    if (file.personId !== actorId) {
      const roles = await this.access.rolesIn(actorId, file.organizationId);
      const allowed = roles.some((r) => r !== "anyone" && r !== "member" && r !== "group_leader");
      if (!allowed) throw new DomainError("development.notFound", { code });
    }
    return { file, limits: (await this.limitsOf(file.organizationId)).limits };
  }

  /** The applicant opens their own record with the 查看码 the secretary gave them (once). */
  async claim(personId: string, claimCode: string, now: Date): Promise<DevelopmentFile> {
    const file = await this.repo.fileByClaim(claimCode.toUpperCase());
    if (!file) throw new DomainError("development.badClaim");
    await this.repo.update(file.id, { personId, claimCode: null });
    if (file.memberId) await this.members.update(file.memberId, { personId });
    await this.audit.record({
      at: now,
      actorPersonId: personId,
      organizationId: file.organizationId,
      action: "development.claim",
      details: { code: file.code },
    });
    return this.#file(file.code);
  }

  /** The person's own records. */
  async mine(personId: string) {
    const files = await this.repo.filesOfPerson(personId);
    return Promise.all(
      files.map(async (file) => ({ file, limits: (await this.limitsOf(file.organizationId)).limits })),
    );
  }

  /** Every moving record with what is due on it, for the daily nudges. */
  async dueEverywhere(): Promise<{ file: DevelopmentFile; dues: Due[]; zone: string }[]> {
    const out: { file: DevelopmentFile; dues: Due[]; zone: string }[] = [];
    for (const file of await this.repo.moving()) {
      const { limits, zone } = await this.limitsOf(file.organizationId);
      out.push({ file, dues: duesOf(stateOf(file), limits), zone });
    }
    return out;
  }

  /** The people a step named (培养联系人, 入党介绍人) who use the bot, for their nudges. */
  async peopleNamed(file: DevelopmentFile, step: "contacts" | "introducers"): Promise<string[]> {
    const codes = lastOf(stateOf(file), step)?.details.members ?? [];
    const people: string[] = [];
    for (const code of codes) {
      const member = await this.members.findByCode(code);
      if (member?.personId) people.push(member.personId);
    }
    return people;
  }

  /**
   * Who acts for the committee above the branch (its secretaries and 委员), for the steps that are
   * its own; the installation's administrators where the committee has nobody in the bot.
   */
  async committeeOf(branchId: string): Promise<string[]> {
    const branch = await this.orgs.findById(branchId);
    const acting = new Set(["committee_member", "deputy_secretary", "secretary", "org_admin"]);
    const of = async (id: string | null) =>
      (await this.roles.holders(id)).filter((h) => acting.has(h.role)).map((h) => h.personId);
    const people = branch?.parentId ? await of(branch.parentId) : [];
    return [...new Set(people.length > 0 ? people : await of(null))];
  }

  /**
   * The branch's development work for a report: who is in the pipeline now, by stage, and how many
   * were admitted as 预备 and made 正式 between two local days (inclusive).
   */
  async reportFacts(branchId: string, fromDay: string, toDay: string) {
    const files = await this.repo.filesOf([branchId]);
    const now: Record<string, number> = {};
    for (const f of files) now[f.stage] = (now[f.stage] ?? 0) + 1;
    const within = (step: string) =>
      files.filter((f) => f.steps.some((s) => s.step === step && s.on >= fromDay && s.on <= toDay)).length;
    return {
      applicants: now.applicant ?? 0,
      activists: now.activist ?? 0,
      candidates: now.candidate ?? 0,
      probationary: now.probationary ?? 0,
      admitted: within("admission_vote"),
      madeFull: within("full_approval"),
    };
  }

  /** Counts per stage of each branch, for the committee export and the evaluation facts. */
  stageCounts(branchIds: string[]) {
    return this.repo.stageCounts(branchIds);
  }

  async #mayRecord(actorId: string, branch: OrgRecord, rule: StepRule): Promise<void> {
    if (rule.by === "branch") return this.access.require(actorId, branch.id, "committee_member");
    // The committee's own acts (预审, 谈话, 审批): its 委员 in the committee above the branch.
    const committee = branch.parentId ? await this.orgs.findById(branch.parentId) : null;
    if (!committee) throw new Forbidden();
    const roles = await this.access.rolesIn(actorId, committee.id);
    if (
      !roles.some(
        (r) => r === "committee_member" || r === "deputy_secretary" || r === "secretary" || r === "org_admin",
      )
    )
      throw new DomainError("development.committeeOnly", { step: rule.key }, "private");
  }

  /** What the step names, checked against the roster and the ledger; the details as kept. */
  async #checkDetails(
    rule: StepRule,
    branch: OrgRecord,
    file: DevelopmentFile,
    details: StepDetails,
    limits: DevelopmentLimits,
  ): Promise<StepDetails> {
    switch (rule.needs) {
      case "contacts":
      case "introducers": {
        const codes = [...new Set((details.members ?? []).map((c) => c.toUpperCase()))];
        const [min, max] = rule.needs === "contacts" ? [1, 2] : [2, 2];
        if (codes.length < min || codes.length > max)
          throw new DomainError(`development.refused.${rule.needs}Count`, { name: file.name });
        for (const code of codes) {
          const member = await this.members.findByCode(code);
          if (member?.state !== "active" || member.organizationId !== branch.id)
            throw new DomainError("development.refused.notOfBranch", { code, branch: branch.name });
          if (member.status !== "full")
            throw new DomainError("development.refused.notFull", {
              code,
              member: member.name,
              step: rule.key,
            });
        }
        return { members: codes };
      }
      case "training":
        if (!trainingEnough(details, limits))
          throw new DomainError("development.refused.trainingShort", {
            days: limits.trainingDays,
            hours: limits.trainingHours,
          });
        return {
          ...(details.days ? { days: details.days } : {}),
          ...(details.hours ? { hours: details.hours } : {}),
        };
      case "vote":
        return this.#checkVote(branch, details);
      case "extension": {
        const months = details.months ?? 0;
        if (months < 6 || months > 12) throw new DomainError("development.refused.extensionMonths");
        return { months };
      }
      case "reason":
        if (!details.reason) throw new DomainError("development.refused.reasonNeeded");
        return { reason: details.reason };
      default:
        return {};
    }
  }

  /**
   * A vote of the 支部党员大会: a closed general meeting of the branch that had its quorum, and
   * more than half of the 正式党员 expected voting for.
   */
  async #checkVote(branch: OrgRecord, details: StepDetails): Promise<StepDetails> {
    const code = (details.meeting ?? "").toUpperCase();
    const meeting = code ? await this.meetings.findByCode(code) : null;
    if (!meeting || meeting.organizationId !== branch.id || meeting.type !== "general_meeting")
      throw new DomainError("development.refused.voteMeeting", { meeting: code || "—" });
    if (meeting.status !== "closed")
      throw new DomainError("development.refused.voteNotClosed", { meeting: code });
    const attendees = await this.meetings.attendeesOf([meeting.id]);
    const voting = attendees.filter((a) => a.voting);
    const present = voting.filter((a) => a.outcome === "present" || a.outcome === "late").length;
    if (meeting.quorumMet === false || present * 2 <= voting.length)
      throw new DomainError("development.refused.noQuorum", {
        meeting: code,
        present,
        expected: voting.length,
      });
    const votesFor = details.votesFor ?? -1;
    if (votesFor < 0 || votesFor > present)
      throw new DomainError("development.refused.votesUnclear", { meeting: code, present });
    if (votesFor * 2 <= voting.length)
      throw new DomainError("development.refused.notPassed", { votes: votesFor, expected: voting.length });
    return { meeting: code, votesFor };
  }

  /** The roster follows the record: admitted as 预备 (no vote), 正式 on 转正, gone when cancelled. */
  async #rosterEffect(file: DevelopmentFile, rule: StepRule, on: string): Promise<MemberRecord | null> {
    if (rule.key === "admission_vote") {
      const [code = shortCode(6)] = await freshMemberCodes(this.members, 1);
      const member = await this.members.create({
        code,
        name: file.name,
        status: "probationary",
        joinedPartyOn: on,
        phone: null,
        organizationId: file.organizationId,
        groupId: null,
        personId: file.personId,
      });
      await this.repo.update(file.id, { memberId: member.id });
      return member;
    }
    if (!file.memberId) return null;
    if (rule.key === "full_approval") return this.members.update(file.memberId, { status: "full" });
    if (rule.key === "cancel") return this.members.update(file.memberId, { state: "cancelled" });
    return null;
  }

  /** Names of the members a file's steps named (培养联系人, 入党介绍人), by member code. */
  async #namesIn(file: DevelopmentFile): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const code of new Set(file.steps.flatMap((s) => s.details.members ?? []))) {
      const member = await this.members.findByCode(code);
      if (member) names.set(code, member.name);
    }
    return names;
  }

  async #file(code: string): Promise<DevelopmentFile> {
    const file = await this.repo.fileByCode(code.toUpperCase());
    if (!file) throw new DomainError("development.notFound", { code });
    return file;
  }

  async #freshCodes(): Promise<[string, string]> {
    for (;;) {
      const code = `D${shortCode(4)}`;
      const claim = shortCode(8);
      if ((await this.repo.codesTaken([code, claim])).size === 0) return [code, claim];
    }
  }
}
