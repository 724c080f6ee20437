// Persistence of meetings awaiting the secretary's 确认.
import type { Tx } from "../db/database.js";

export interface DraftRow {
  code: string;
  organizationId: string;
  personId: string;
  input: string;
  expiresAt: Date;
}

export class MeetingDraftRepository {
  constructor(private readonly db: Tx) {}

  async put(row: DraftRow, now: Date): Promise<void> {
    // A person's drafts older than their expiry are of no use to anyone: cleared on the way.
    await this.db.meetingDraft.deleteMany({ where: { personId: row.personId, expiresAt: { lte: now } } });
    await this.db.meetingDraft.create({ data: { ...row, createdAt: now } });
  }

  find(code: string) {
    return this.db.meetingDraft.findUnique({ where: { code } });
  }

  async replace(code: string, input: string, expiresAt: Date): Promise<void> {
    await this.db.meetingDraft.update({ where: { code }, data: { input, expiresAt } });
  }

  /** Deletes the draft; false when another press of the same button took it first. */
  async take(code: string, personId: string): Promise<boolean> {
    const { count } = await this.db.meetingDraft.deleteMany({ where: { code, personId } });
    return count === 1;
  }
}
