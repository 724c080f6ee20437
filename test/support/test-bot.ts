// Drives whole conversations the way people have them: user X in chat Y sends text or presses a
// button, the test reads the replies and the stored state. Every bot gets its own database.
import { rm } from "node:fs/promises";
import { type App, createApp } from "../../src/app.js";
import type { ChatRef, Incoming, Platform } from "../../src/core/incoming.js";
import { silentLogger } from "../../src/core/logger.js";
import { type Reply, replyText } from "../../src/core/reply.js";
import { Prisma } from "../../src/db/database.js";
import type { AnyCommand } from "../../src/runtime/command.js";
import { asciiWords, isChinese } from "./ascii-words.js";
import { FakeClock } from "./fake-clock.js";
import { testConfig } from "./test-config.js";
import { createTestDatabase } from "./test-database.js";

export interface TestBotOptions {
  clock?: FakeClock;
  commands?: readonly AnyCommand[];
  platform?: Platform;
}

export interface TestBot {
  app: App;
  clock: FakeClock;
  prisma: App["db"]["prisma"];
  user(id: string, name: string, opts?: { languageHint?: string }): TestUser;
  group(id: string, title?: string): ChatRef;
  send(incoming: Incoming): Promise<Reply[]>;
  /** Every row of every table, to prove that something wrote nothing. */
  snapshot(): Promise<Record<string, unknown[]>>;
  /** What the bot posted on its own in a chat (announcements at their latest version, notices). */
  posts(chat: ChatRef): Promise<Reply[]>;
  /** How many transactions the bot has opened so far. */
  transactions(): number;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  name: string;
  /** Where the next message goes; defaults to a private chat with the bot. */
  in(chat: ChatRef): TestUser;
  says(
    text: string,
    opts?: { updateId?: string; attachment?: { filename: string; path: string } },
  ): Promise<Reply[]>;
  /** Presses the button with this label in the replies this user last received (or in `on`). */
  presses(label: string, on?: Reply[]): Promise<Reply[]>;
  /**
   * Types `/schedule <line>` and, when the bot shows the meeting card, presses its 确认, as a
   * secretary does; the replies to the press (or the question asked instead of a card).
   */
  schedules(line: string): Promise<Reply[]>;
}

export async function startTestBot(opts: TestBotOptions = {}): Promise<TestBot> {
  const platform = opts.platform ?? "console";
  const clock = opts.clock ?? new FakeClock();
  const database = createTestDatabase();
  const app = await createApp({
    config: testConfig(database.config),
    clock,
    logger: silentLogger,
    ...(opts.commands ? { commands: opts.commands } : {}),
  });
  let transactionCount = 0;
  const transaction = app.db.transaction.bind(app.db);
  (app.db as { transaction: App["db"]["transaction"] }).transaction = (fn) => {
    transactionCount += 1;
    return transaction(fn);
  };

  const send = (incoming: Incoming) => app.handle(incoming);
  /** Ids and names of the people in this world: they appear in replies as they were given. */
  const people = new Set<string>();

  function makeUser(
    id: string,
    name: string,
    languageHint: string | undefined,
    chat: ChatRef | null,
  ): TestUser {
    let lastReplies: Reply[] = [];
    const user = { platform, id, displayName: name, ...(languageHint ? { languageHint } : {}) };
    const where = (): ChatRef => chat ?? { platform, id: `dm:${id}`, kind: "private", title: name };
    people.add(id);
    people.add(name);
    const remember = (replies: Reply[], typed = "") => {
      lastReplies = replies;
      // A reply in Chinese carries no English words but what people typed themselves (their
      // words, file names, account ids and names) and the key paths of test-only commands.
      const typedWords = [...people, typed].join(" ").match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
      for (const reply of replies) {
        const text = replyText(reply).replace(/\b[a-z]+\.[a-z_]+\.[a-z]+\b/g, " ");
        if (text.includes("也可用英文")) continue; // the roster's English column names, on purpose
        const english = isChinese(text) ? asciiWords(text, typedWords) : [];
        if (english.length > 0)
          throw new Error(
            `English words ${JSON.stringify(english)} in a Chinese reply to "${typed}":\n${text}`,
          );
      }
      return replies;
    };
    const self: TestUser = {
      id,
      name,
      in: (target) => makeUser(id, name, languageHint, target),
      schedules: async (line) => {
        const card = await self.says(`/schedule ${line}`);
        const confirm = card
          .flatMap((r) => r.buttons?.flat() ?? [])
          .find((b) => b.command === "confirm_schedule");
        return confirm ? self.presses(confirm.label, card) : card;
      },
      says: async (text, o = {}) =>
        remember(
          await send({
            user,
            chat: where(),
            payload: { type: "text", text },
            ...(o.updateId ? { updateId: o.updateId } : {}),
            ...(o.attachment ? { attachment: o.attachment } : {}),
          }),
          `${text} ${o.attachment?.filename ?? ""}`,
        ),
      presses: async (label, on) => {
        const button = (on ?? lastReplies)
          .flatMap((r) => r.buttons?.flat() ?? [])
          .find((b) => b.label === label);
        if (!button) {
          throw new Error(`${name} sees no button "${label}" in: ${lastReplies.map(replyText).join(" | ")}`);
        }
        return remember(
          await send({
            user,
            chat: where(),
            payload: { type: "action", command: button.command, args: button.args },
          }),
        );
      },
    };
    return self;
  }

  return {
    app,
    clock,
    prisma: app.db.prisma,
    user: (id, name, o = {}) => makeUser(id, name, o.languageHint, null),
    group: (id, title) => {
      people.add(id);
      return { platform, id, kind: "group", title: title ?? id };
    },
    send,
    async snapshot() {
      const tables: Record<string, unknown[]> = {};
      for (const model of Object.values(Prisma.ModelName)) {
        const delegate = model.charAt(0).toLowerCase() + model.slice(1);
        const client = app.db.prisma as unknown as Record<string, { findMany(): Promise<unknown[]> }>;
        const found = client[delegate];
        if (!found) throw new Error(`no delegate for ${model}`);
        tables[model] = await found.findMany();
      }
      return tables;
    },
    transactions: () => transactionCount,
    async posts(chat) {
      const rows = await app.db.prisma.outboxMessage.findMany({
        // Not the messages recorded as never to be sent (too late after downtime): never tried.
        where: { platform: chat.platform, chatId: chat.id, NOT: { deadAt: { not: null }, attempts: 0 } },
        orderBy: [{ createdAt: "asc" }, { version: "asc" }],
      });
      return Promise.all(rows.map((row) => app.outboxKinds.draw(row)));
    },
    async close() {
      await app.close();
      await database.drop();
      // The bot's private files (exports, charts) go with it: the suite leaves nothing behind.
      await rm(app.files.root, { recursive: true, force: true });
    },
  };
}

export const texts = (replies: Reply[]): string[] => replies.map(replyText);
