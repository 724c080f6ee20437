// Inbound deduplication: a platform update (Telegram update_id, Slack event_id) is applied once.
import { isUniqueViolation, type Tx } from "../db/database.js";
import { ProcessedUpdateRepository } from "./processed-update-repository.js";

export class UpdateAlreadyApplied extends Error {
  override name = "UpdateAlreadyApplied";
}

export class UpdateLedger {
  readonly #repo: ProcessedUpdateRepository;

  constructor(db: Tx) {
    this.#repo = new ProcessedUpdateRepository(db);
  }

  /** Call inside the command's transaction; throws UpdateAlreadyApplied on a redelivery. */
  async recordOnce(platform: string, updateId: string, now: Date): Promise<void> {
    try {
      await this.#repo.record(platform, updateId, now);
    } catch (error) {
      if (isUniqueViolation(error)) throw new UpdateAlreadyApplied(`${platform}:${updateId}`);
      throw error;
    }
  }
}
