// Remembers applied platform updates. The row is written in the command's own transaction, so
// an update is either applied and remembered, or neither; a second delivery hits the primary key.
import type { Tx } from "../db/database.js";

export class ProcessedUpdateRepository {
  constructor(private readonly db: Tx) {}

  /** Throws a unique violation (P2002) when the update was already applied. */
  async record(platform: string, updateId: string, receivedAt: Date): Promise<void> {
    await this.db.processedUpdate.create({ data: { platform, updateId, receivedAt } });
  }
}
