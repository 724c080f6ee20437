// Persistence of questions the bot is waiting to have answered.
import type { Tx } from "../db/database.js";

export interface PromptKey {
  personId: string;
  platform: string;
  chatKey: string;
}

export class PromptRepository {
  constructor(private readonly db: Tx) {}

  async put(key: PromptKey, command: string, args: string[], expiresAt: Date): Promise<void> {
    const data = { command, args: JSON.stringify(args), expiresAt };
    await this.db.pendingPrompt.upsert({
      where: { personId_platform_chatKey: key },
      create: { ...key, ...data },
      update: data,
    });
  }

  async find(key: PromptKey) {
    return this.db.pendingPrompt.findUnique({ where: { personId_platform_chatKey: key } });
  }

  /** Deletes the prompt; false when another delivery of the same answer took it first. */
  async take(key: PromptKey): Promise<boolean> {
    const { count } = await this.db.pendingPrompt.deleteMany({ where: key });
    return count === 1;
  }
}
