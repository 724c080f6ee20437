// A chat in the terminal, like Hubot's shell adapter: type commands as a given person in a given
// chat, switch identity and chat with ":" meta commands, press buttons by number. Works with
// piped input too, which is how tests and scripts drive it.
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Translate } from "../../core/i18n.js";
import type { ChatRef, Incoming, UserRef } from "../../core/incoming.js";
import { tokenize } from "../../core/parse-command-text.js";
import type { Button, Reply } from "../../core/reply.js";
import type { Sender, SendResult } from "../../delivery/sender.js";
import { renderReply } from "./render.js";

export interface ConsoleAdapterOptions {
  input: Readable;
  output: Writable;
  handle(incoming: Incoming): Promise<Reply[]>;
  t: Translate;
  user: { id: string; name?: string };
  chat: { id: string; kind?: "group" | "private" };
  color?: boolean;
  /** Print a prompt before each line (interactive terminals). */
  prompt?: boolean;
  /** Called after each command, e.g. to deliver the announcements it queued right away. */
  afterCommand?: () => Promise<unknown>;
}

export class ConsoleAdapter implements Sender {
  readonly platform = "console" as const;
  #posted = 0;
  #user: UserRef;
  #chat: ChatRef;
  #buttons: Button[] = [];
  #attachment: { filename: string; path: string } | undefined;
  #stopped = false;
  #rl: ReturnType<typeof createInterface> | undefined;

  constructor(private readonly opts: ConsoleAdapterOptions) {
    this.#user = { platform: "console", id: opts.user.id, displayName: opts.user.name ?? opts.user.id };
    this.#chat = {
      platform: "console",
      id: opts.chat.id,
      kind: opts.chat.kind ?? "group",
      title: opts.chat.id,
    };
  }

  /** Runs until the input ends, ":quit" is typed or stop() is called. */
  async run(): Promise<void> {
    this.#print(this.opts.t("console.banner"));
    this.#promptIfWanted();
    // Created here, not earlier: until then the input stream stays paused and keeps what was
    // typed (or piped) while the bot was starting, instead of emitting lines nobody reads.
    const rl = createInterface({ input: this.opts.input, output: this.opts.output, terminal: false });
    this.#rl = rl;
    if (this.#stopped) rl.close();
    for await (const raw of rl) {
      if (this.#stopped) break;
      const line = raw.trim();
      if (line === ":quit" || line === ":q") break;
      if (line !== "") await this.#dispatch(line);
      this.#promptIfWanted();
    }
    this.#rl?.close();
  }

  stop(): void {
    this.#stopped = true;
    this.#rl?.close();
  }

  async #dispatch(line: string): Promise<void> {
    if (line.startsWith(":")) return this.#meta(line);
    await this.#send({ type: "text", text: line });
  }

  /** Messages the bot posts on its own (announcements, notices) to console chats. */
  async send(chatId: string, reply: Reply, opts: { editMessageId?: string }): Promise<SendResult> {
    const rendered = renderReply(reply, {
      color: this.opts.color ?? false,
      privateLabel: "",
      firstButtonNumber: this.#buttons.length + 1,
    });
    this.#buttons.push(...rendered.buttons);
    const label = chatId.startsWith("user:")
      ? this.opts.t("console.privateTo", { user: chatId.slice("user:".length) })
      : this.opts.t(opts.editMessageId ? "console.updatedIn" : "console.postedIn", { chat: chatId });
    this.#print(`${label}\n${rendered.text}`);
    this.#posted += 1;
    return { messageId: opts.editMessageId ?? `console-${this.#posted}` };
  }

  async #send(payload: Incoming["payload"]): Promise<void> {
    const attachment = this.#attachment;
    this.#attachment = undefined;
    const replies = await this.opts.handle({
      user: this.#user,
      chat: this.#chat,
      payload,
      ...(attachment ? { attachment } : {}),
    });
    this.#buttons = [];
    for (const reply of replies) {
      const rendered = renderReply(reply, {
        color: this.opts.color ?? false,
        privateLabel: this.opts.t("console.privateLabel"),
        firstButtonNumber: this.#buttons.length + 1,
      });
      this.#buttons.push(...rendered.buttons);
      this.#print(rendered.text);
    }
    await this.opts.afterCommand?.();
  }

  async #meta(line: string): Promise<void> {
    const [word, ...args] = tokenize(line.slice(1));
    const { t } = this.opts;
    switch (word) {
      case "as": {
        const [id, name] = args;
        if (!id) return this.#print(t("console.usage"));
        this.#user = { platform: "console", id, displayName: name ?? id };
        if (this.#chat.kind === "private") this.#chat = this.#privateChat();
        return this.#print(t("console.nowAs", { name: this.#user.displayName, id }));
      }
      case "in": {
        const [id, kind] = args;
        if (!id || (kind && kind !== "group" && kind !== "private")) return this.#print(t("console.usage"));
        this.#chat = { platform: "console", id, kind: kind === "private" ? "private" : "group", title: id };
        return this.#print(t("console.nowIn", { chat: id }));
      }
      case "dm":
        this.#chat = this.#privateChat();
        return this.#print(t("console.nowIn", { chat: this.#chat.title }));
      case "who":
        return this.#print(
          t("console.who", { name: this.#user.displayName, id: this.#user.id, chat: this.#chat.id }),
        );
      case "attach": {
        const [file] = args;
        if (!file) return this.#print(t("console.usage"));
        const resolved = path.resolve(file);
        if (!existsSync(resolved)) return this.#print(t("console.noSuchFile", { file }));
        this.#attachment = { filename: path.basename(resolved), path: resolved };
        return this.#print(t("console.attached", { file: path.basename(resolved) }));
      }
      case "press":
        return this.#press(args[0]);
      default:
        if (word && /^\d+$/.test(word)) return this.#press(word);
        return this.#print(t("console.usage"));
    }
  }

  async #press(number: string | undefined): Promise<void> {
    const button = this.#buttons[Number(number) - 1];
    if (!button) return this.#print(this.opts.t("console.noSuchButton", { number: number ?? "" }));
    await this.#send({ type: "action", command: button.command, args: button.args });
  }

  #privateChat(): ChatRef {
    return { platform: "console", id: `dm:${this.#user.id}`, kind: "private", title: `dm:${this.#user.id}` };
  }

  #promptIfWanted(): void {
    if (this.opts.prompt && !this.#stopped)
      this.opts.output.write(`${this.#user.displayName} @ ${this.#chat.id} › `);
  }

  #print(text: string): void {
    this.opts.output.write(`${text}\n`);
  }
}
