// Importing a branch's roster from a CSV or Excel file: checked whole before anything is written
// (size, rows, headers, each row's fields, duplicates of the roster), then every good row at once,
// audited. With "good rows only", the rows with problems are skipped and reported.
import { readFile, stat } from "node:fs/promises";
import { DateTime } from "luxon";
import type { AccessService } from "../access/access-service.js";
import type { AuditRepository } from "../audit/audit-repository.js";
import { DomainError } from "../core/domain-error.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import { freshMemberCodes } from "./member-codes.js";
import type { MemberRepository, NewMember } from "./member-repository.js";
import { readRosterFile, UnsupportedRosterFile } from "./roster-file.js";
import { type RowError, rosterProblem, validateRoster } from "./roster-rules.js";

const MAX_ROSTER_BYTES = 5 * 1024 * 1024;
const MAX_ROSTER_ROWS = 5_000;

export interface ImportResult {
  imported: number;
  errors: RowError[];
  total: number;
}

export class RosterImport {
  constructor(
    private readonly members: MemberRepository,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
  ) {}

  async run(
    actorId: string,
    org: OrgRecord,
    file: { filename: string; path: string },
    opts: { goodRowsOnly: boolean; timeZone: string },
    now: Date,
  ): Promise<ImportResult> {
    if (org.kind !== "branch") throw new DomainError("import.needsBranch");
    await this.access.require(actorId, org.id, "secretary");
    if ((await stat(file.path)).size > MAX_ROSTER_BYTES) throw new DomainError("import.tooLarge");
    let rows: Awaited<ReturnType<typeof readRosterFile>>;
    try {
      rows = await readRosterFile(file.filename, await readFile(file.path));
    } catch (error) {
      if (error instanceof UnsupportedRosterFile)
        throw new DomainError("import.unsupported", { name: file.filename });
      throw new DomainError("import.unreadable", { name: file.filename });
    }
    if (rows.length > MAX_ROSTER_ROWS) throw new DomainError("import.tooManyRows", { max: MAX_ROSTER_ROWS });
    const problem = rosterProblem(rows);
    if (problem) throw new DomainError(`import.${problem}`, { name: file.filename });
    const groups = await this.orgs.children(org.id);
    const existing = await this.members.existingKeys(org.id);
    const today = DateTime.fromJSDate(now, { zone: opts.timeZone }).toISODate() ?? "";
    const { good, errors } = validateRoster(rows, {
      today,
      existingNames: existing.names,
      existingPhones: existing.phones,
      groupNames: new Set(groups.map((g) => g.name)),
    });
    if (errors.length > 0 && !opts.goodRowsOnly) return { imported: 0, errors, total: rows.length };
    const groupIds = new Map(groups.map((g) => [g.name, g.id]));
    const codes = await freshMemberCodes(this.members, good.length);
    const records: NewMember[] = good.map((row, i) => ({
      code: codes[i] ?? "",
      name: row.name,
      status: row.status,
      joinedPartyOn: row.joinedPartyOn,
      phone: row.phone,
      organizationId: org.id,
      groupId: row.groupName ? (groupIds.get(row.groupName) ?? null) : null,
      personId: null,
    }));
    const imported = await this.members.createMany(records);
    await this.audit.by(actorId, now).did(org.id, "member.import", { imported, skipped: errors.length });
    return { imported, errors, total: rows.length };
  }
}
