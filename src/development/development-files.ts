// The 发展党员 records as people read them: the pipeline (overdue first), one person's file for
// the 支委 and the committees above or for the person themselves, the 台账 workbooks and the files
// kept with steps, and what the nudges, the committee export and the 述职 need to know.
import { writeFile } from "node:fs/promises";
import type { AccessRepository } from "../access/access-repository.js";
import type { AccessService } from "../access/access-service.js";
import { DomainError } from "../core/domain-error.js";
import type { Translate } from "../core/i18n.js";
import type { PrivateFiles } from "../core/private-files.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { OrgZones } from "../organization/org-zones.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import { writePipelineWorkbook, writeRecordWorkbook } from "./development-export.js";
import { limitsOf } from "./development-limits.js";
import type { DevelopmentFile, DevelopmentRepository } from "./development-repository.js";
import {
  type DevelopmentLimits,
  type Due,
  duesOf,
  lastOf,
  localDay,
  nextStep,
  stateOf,
} from "./development-rules.js";
import type { Stage } from "./development-steps.js";

export interface PipelineLine {
  file: DevelopmentFile;
  branch: OrgRecord;
  next: { step: string; earliest: string | null } | null;
  dues: Due[];
  /** The soonest thing due, for ordering: overdue first. */
  soonest: string | null;
}

const MOVING: readonly Stage[] = ["applicant", "activist", "candidate", "probationary"];

export class DevelopmentFiles {
  constructor(
    private readonly repo: DevelopmentRepository,
    private readonly members: MemberRepository,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly roles: AccessRepository,
    private readonly files: PrivateFiles,
    private readonly zones: OrgZones,
  ) {}

  /** Everyone in the pipeline of the branch — or of every branch below a committee — overdue first. */
  async pipeline(actorId: string, org: OrgRecord): Promise<PipelineLine[]> {
    await this.access.require(actorId, org.id, "committee_member");
    const branches =
      org.kind === "branch" ? [org] : (await this.orgs.subtree(org.id)).filter((o) => o.kind === "branch");
    const byId = new Map(branches.map((b) => [b.id, b]));
    const files = await this.repo.filesOf(branches.map((b) => b.id));
    const lines: PipelineLine[] = [];
    const limitsOfBranch = this.#limitsCache();
    for (const file of files) {
      if (!MOVING.includes(file.stage) && file.stage !== "full") continue;
      if (file.stage === "full" && lastOf(stateOf(file), "archive")) continue;
      const branch = byId.get(file.organizationId);
      if (!branch) continue;
      const { limits } = await limitsOfBranch(branch.id);
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
    const limitsOfBranch = this.#limitsCache();
    const rows = [];
    for (const file of records)
      rows.push({
        branch: byId.get(file.organizationId)?.name ?? "",
        file,
        limits: (await limitsOfBranch(file.organizationId)).limits,
        names: await this.#namesIn(file),
      });
    const { zone } = await this.#limits(org.id);
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
    return { file, limits: (await this.#limits(file.organizationId)).limits };
  }

  /** The person's own records. */
  async mine(personId: string) {
    const files = await this.repo.filesOfPerson(personId);
    return Promise.all(
      files.map(async (file) => ({ file, limits: (await this.#limits(file.organizationId)).limits })),
    );
  }

  /** Every moving record with what is due on it, for the daily nudges. */
  async dueEverywhere(): Promise<{ file: DevelopmentFile; dues: Due[]; zone: string }[]> {
    const out: { file: DevelopmentFile; dues: Due[]; zone: string }[] = [];
    const limitsOfBranch = this.#limitsCache();
    for (const file of await this.repo.moving()) {
      const { limits, zone } = await limitsOfBranch(file.organizationId);
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

  /** Names of the members a file's steps named (培养联系人, 入党介绍人), by member code. */
  async #namesIn(file: DevelopmentFile): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const code of new Set(file.steps.flatMap((s) => s.details.members ?? []))) {
      const member = await this.members.findByCode(code);
      if (member) names.set(code, member.name);
    }
    return names;
  }

  #limits(branchId: string) {
    return limitsOf(this.orgs, this.zones, branchId);
  }

  /** Limits read once per branch, for the reads that go through many records. */
  #limitsCache() {
    const known = new Map<string, ReturnType<typeof limitsOf>>();
    return (branchId: string) => {
      let found = known.get(branchId);
      if (!found) {
        found = this.#limits(branchId);
        known.set(branchId, found);
      }
      return found;
    };
  }
}
