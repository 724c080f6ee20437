// Persistence of the 发展党员 records and their steps.
import type { Tx } from "../db/database.js";
import type { StepDetails, StepEntry } from "./development-rules.js";
import type { Stage } from "./development-steps.js";

export interface DevelopmentRecordRow {
  id: string;
  code: string;
  organizationId: string;
  name: string;
  birthDate: string;
  stage: Stage;
  personId: string | null;
  claimCode: string | null;
  memberId: string | null;
  probationEndsOn: string | null;
  createdAt: Date;
}

export interface RecordedStep extends StepEntry {
  id: string;
  recordedById: string;
  notes: string | null;
  createdAt: Date;
  /** Files kept with the step (names only; the bytes are read when one is sent). */
  attachments: { id: string; filename: string }[];
}

export interface DevelopmentFile extends DevelopmentRecordRow {
  steps: RecordedStep[];
}

const RECORD = {
  id: true,
  code: true,
  organizationId: true,
  name: true,
  birthDate: true,
  stage: true,
  personId: true,
  claimCode: true,
  memberId: true,
  probationEndsOn: true,
  createdAt: true,
} as const;

type StepRow = {
  id: string;
  step: string;
  on: string;
  details: string;
  recordedById: string;
  notes: string | null;
  createdAt: Date;
  attachments: { id: string; filename: string }[];
};

const toStep = (row: StepRow): RecordedStep => ({
  ...row,
  details: JSON.parse(row.details) as StepDetails,
});

const STEP_ORDER = [{ on: "asc" as const }, { createdAt: "asc" as const }];
const STEPS = {
  orderBy: STEP_ORDER,
  include: { attachments: { select: { id: true, filename: true }, orderBy: { createdAt: "asc" as const } } },
};

function toFile(
  row: Omit<DevelopmentRecordRow, "stage"> & { stage: string; steps: StepRow[] },
): DevelopmentFile {
  return { ...row, stage: row.stage as Stage, steps: row.steps.map(toStep) };
}

export class DevelopmentRepository {
  constructor(private readonly db: Tx) {}

  async create(data: {
    code: string;
    organizationId: string;
    name: string;
    birthDate: string;
    claimCode: string;
    createdById: string;
    createdAt: Date;
  }): Promise<DevelopmentRecordRow> {
    const row = await this.db.developmentRecord.create({
      data: { ...data, stage: "applicant" },
      select: RECORD,
    });
    return { ...row, stage: row.stage as Stage };
  }

  async codesTaken(codes: string[]): Promise<Set<string>> {
    const rows = await this.db.developmentRecord.findMany({
      where: { OR: [{ code: { in: codes } }, { claimCode: { in: codes } }] },
      select: { code: true, claimCode: true },
    });
    return new Set(rows.flatMap((r) => [r.code, r.claimCode ?? ""]));
  }

  async fileByCode(code: string): Promise<DevelopmentFile | null> {
    const row = await this.db.developmentRecord.findUnique({
      where: { code },
      select: { ...RECORD, steps: STEPS },
    });
    return row ? toFile(row) : null;
  }

  async fileByClaim(claimCode: string): Promise<DevelopmentFile | null> {
    const row = await this.db.developmentRecord.findUnique({
      where: { claimCode },
      select: { ...RECORD, steps: STEPS },
    });
    return row ? toFile(row) : null;
  }

  async filesOfPerson(personId: string): Promise<DevelopmentFile[]> {
    const rows = await this.db.developmentRecord.findMany({
      where: { personId },
      select: { ...RECORD, steps: STEPS },
      orderBy: { createdAt: "asc" },
    });
    return rows.map(toFile);
  }

  /** The records of these branches (every stage), with their steps. */
  async filesOf(organizationIds: string[]): Promise<DevelopmentFile[]> {
    const rows = await this.db.developmentRecord.findMany({
      where: { organizationId: { in: organizationIds } },
      select: { ...RECORD, steps: STEPS },
      orderBy: [{ organizationId: "asc" }, { createdAt: "asc" }],
    });
    return rows.map(toFile);
  }

  /** Every record still moving (not 正式 and archived, not cancelled): what the nudges look at. */
  async moving(): Promise<DevelopmentFile[]> {
    const rows = await this.db.developmentRecord.findMany({
      where: { stage: { in: ["applicant", "activist", "candidate", "probationary"] } },
      select: { ...RECORD, steps: STEPS },
      orderBy: { createdAt: "asc" },
    });
    return rows.map(toFile);
  }

  /**
   * Holds a record until the command's transaction ends, so that two steps recorded at once are
   * judged one after the other: the second sees the first (PostgreSQL locks the row; SQLite takes
   * its one write lock). False when there is no such record.
   */
  async hold(code: string): Promise<boolean> {
    const held = await this.db.$executeRaw`
      UPDATE "DevelopmentRecord" SET "updatedAt" = "updatedAt" WHERE "code" = ${code}`;
    return held > 0;
  }

  /** Writes a step; its id, for the files kept with it. */
  async addStep(
    recordId: string,
    entry: StepEntry & { recordedById: string; notes: string | null; createdAt: Date },
  ): Promise<string> {
    const { id } = await this.db.developmentStep.create({
      data: {
        recordId,
        step: entry.step,
        on: entry.on,
        details: JSON.stringify(entry.details),
        recordedById: entry.recordedById,
        notes: entry.notes,
        createdAt: entry.createdAt,
      },
      select: { id: true },
    });
    return id;
  }

  async addAttachment(stepId: string, filename: string, content: Buffer, at: Date): Promise<void> {
    await this.db.developmentAttachment.create({
      data: { stepId, filename, size: content.length, content: new Uint8Array(content), createdAt: at },
    });
  }

  async attachmentContent(id: string): Promise<{ filename: string; content: Uint8Array } | null> {
    return this.db.developmentAttachment.findUnique({
      where: { id },
      select: { filename: true, content: true },
    });
  }

  async update(
    id: string,
    data: Partial<{
      stage: Stage;
      probationEndsOn: string | null;
      memberId: string;
      personId: string;
      claimCode: string | null;
    }>,
  ): Promise<void> {
    await this.db.developmentRecord.update({ where: { id }, data });
  }

  /** How many records each branch has in each stage, for the committee's export and evaluation. */
  async stageCounts(organizationIds: string[]): Promise<Map<string, Record<string, number>>> {
    const rows = await this.db.developmentRecord.groupBy({
      by: ["organizationId", "stage"],
      where: { organizationId: { in: organizationIds } },
      _count: { _all: true },
    });
    const counts = new Map<string, Record<string, number>>();
    for (const row of rows) {
      const of = counts.get(row.organizationId) ?? {};
      of[row.stage] = row._count._all;
      counts.set(row.organizationId, of);
    }
    return counts;
  }

  /** Display names of the people who recorded steps. */
  async personNames(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.db.person.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { id: true, displayName: true },
    });
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }
}
