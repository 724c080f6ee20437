// 发展党员 records kept step by step: an application opens a record, each step is checked against
// the rules (order, intervals, who may record it, who it names, the vote's quorum) and written
// with its effects — the stage it leads to, the 预备期, the roster entry of an admitted 预备党员 and
// their 转正 — in the command's one transaction. Refused steps write nothing.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AccessService } from "../access/access-service.js";
import type { AuditRepository } from "../audit/audit-repository.js";
import { DomainError, Forbidden } from "../core/domain-error.js";
import { shortCode } from "../core/short-code.js";
import { freshMemberCodes } from "../membership/member-codes.js";
import type { MemberRecord, MemberRepository } from "../membership/member-repository.js";
import type { OrgZones } from "../organization/org-zones.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import type { DevelopmentChecks } from "./development-checks.js";
import { limitsOf } from "./development-limits.js";
import type { DevelopmentFile, DevelopmentRepository } from "./development-repository.js";
import {
  type Due,
  duesOf,
  localDay,
  oldEnoughToApply,
  probationEndAfter,
  refusalFor,
  type StepDetails,
  stateOf,
} from "./development-rules.js";
import { type StepRule, stepRule } from "./development-steps.js";

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

export class DevelopmentService {
  constructor(
    private readonly repo: DevelopmentRepository,
    private readonly members: MemberRepository,
    private readonly checks: DevelopmentChecks,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly zones: OrgZones,
  ) {}

  /** The rules' figures for a branch, as its committee set them (inherited settings). */
  limitsOf(branchId: string) {
    return limitsOf(this.orgs, this.zones, branchId);
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
    await this.audit.by(actorId, now).did(branch.id, "development.apply", { code, on });
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
    // Read after the hold: a step recorded at the same moment is then already in the file.
    await this.repo.hold(code.toUpperCase());
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
    const details = await this.checks.details(rule, branch, file, input.details, limits);
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
    await this.audit.by(actorId, now).did(branch.id, `development.${rule.key}`, { code, on, ...details });
    return { file: await this.#file(code), step: rule, late, member };
  }

  /** The applicant opens their own record with the 查看码 the secretary gave them (once). */
  async claim(personId: string, claimCode: string, now: Date): Promise<DevelopmentFile> {
    const file = await this.repo.fileByClaim(claimCode.toUpperCase());
    if (!file) throw new DomainError("development.badClaim");
    await this.repo.update(file.id, { personId, claimCode: null });
    if (file.memberId) await this.members.update(file.memberId, { personId });
    await this.audit.by(personId, now).did(file.organizationId, "development.claim", { code: file.code });
    return this.#file(file.code);
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
