// Questions the bot asks and the answers it waits for: "请输入请假理由" after the 请假 button, each
// step of the guided scheduling. The answer (the person's next plain message in that chat, or in
// their private chat) completes the stored command invocation as its last argument.
import { DomainError } from "../core/domain-error.js";
import type { ChatRef } from "../core/incoming.js";
import type { Tx } from "../db/database.js";
import { type PromptKey, PromptRepository } from "./prompt-repository.js";

const PROMPT_MINUTES = 30;

export const chatKeyOf = (chat: ChatRef): string => (chat.kind === "private" ? "private" : chat.id);

export class PromptService {
  readonly #repo: PromptRepository;

  constructor(db: Tx) {
    this.#repo = new PromptRepository(db);
  }

  async ask(key: PromptKey, command: string, args: string[], now: Date): Promise<void> {
    await this.#repo.put(key, command, args, new Date(now.getTime() + PROMPT_MINUTES * 60_000));
  }

  /** The invocation a plain message completes, if the bot is waiting for one. */
  async pending(key: PromptKey, now: Date): Promise<{ command: string; args: string[] } | null> {
    const prompt = await this.#repo.find(key);
    if (!prompt || prompt.expiresAt <= now) return null;
    return { command: prompt.command, args: JSON.parse(prompt.args) as string[] };
  }

  async take(key: PromptKey): Promise<void> {
    if (!(await this.#repo.take(key))) throw new DomainError("prompts.gone");
  }
}
