// Looks commands up by name or alias, and refuses two commands claiming the same word.
import type { AnyCommand } from "./command.js";

export class CommandRegistry {
  readonly #byWord = new Map<string, AnyCommand>();
  readonly #all: AnyCommand[] = [];

  constructor(commands: readonly AnyCommand[]) {
    for (const command of commands) {
      for (const word of [command.name, ...command.aliases]) {
        const key = word.toLowerCase();
        const taken = this.#byWord.get(key);
        if (taken)
          throw new Error(`command word "${word}" is claimed by both ${taken.name} and ${command.name}`);
        this.#byWord.set(key, command);
      }
      this.#all.push(command);
    }
  }

  find(word: string): AnyCommand | undefined {
    return this.#byWord.get(word.toLowerCase());
  }

  all(): readonly AnyCommand[] {
    return this.#all;
  }
}
