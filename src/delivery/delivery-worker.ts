// Drains the outbox: claims due chats, renders each message, sends it through its platform's
// sender and records it as sent. Many chats are sent to at once (a bounded queue per platform,
// so a slow or rate-limited platform never holds the others), one message at a time per chat
// (so order within a chat holds), each send paced by limits shared through the database
// (platform-limits.ts). A keyed message (an announcement) edits the message posted before; if it
// changed while being sent it stays queued, so the latest state always goes out. What the
// platform says decides what follows (delivery-outcomes.ts): wait, retry with backoff, follow a
// migrated chat, post afresh, or end the message as a dead letter that administrators see.
import PQueue from "p-queue";
import type { Clock } from "../core/clock.js";
import type { Translate } from "../core/i18n.js";
import type { Platform } from "../core/incoming.js";
import type { Logger } from "../core/logger.js";
import type { ServiceScope } from "../service-scope.js";
import { DeliveryOutcomes, failureOf, MAX_ATTEMPTS, type Next } from "./delivery-outcomes.js";
import type { OutboxDrawing } from "./outbox-kinds.js";
import type { OutboxRow } from "./outbox-service.js";
import { type PaceRule, paceKey } from "./platform-limits.js";
import type { Sender, SendResult } from "./sender.js";

/** How long a worker holds the chats it claimed before another may take them over. */
export const DEFAULT_LEASE_MS = 60_000;
/** A chat's own limit that asks for longer than this puts its messages back for later. */
const SHORT_WAIT_MS = 1_500;
/**
 * The platform's pace runs at most ~1 s ahead (a slot per send in flight, across instances); a
 * longer wait is a platform-wide 429 being held: the chat goes back rather than pin a slot.
 */
const PLATFORM_WAIT_MS = 5_000;

export { MAX_ATTEMPTS };

/** With nothing due, look again at most this often while other chats are still being sent. */
const RECLAIM_MS = 250;
const PRUNE_EVERY_MS = 10 * 60_000;
/** A send leaving this much after its slot takes another (platform-limits.ts leaves 50 ms of room). */
const LATE_MS = 25;

export interface DeliveryOptions {
  workerId?: string;
  /** Chats sent to at once, per platform (else what its sender declares). */
  concurrency?: Partial<Record<Platform, number>>;
  leaseMs?: number;
  /** Pace rules per platform instead of what its sender declares (tests: none). */
  limits?: Partial<Record<Platform, readonly PaceRule[]>>;
  maxAttempts?: number;
  /** The wall clock for pacing, in ms: the platform counts real seconds, whatever the bot's clock says. */
  wallClock?: () => number;
  /** Language of the notices delivery sends on its own (a secretary told their group is gone). */
  t?: Translate;
}

interface Lane {
  platform: Platform;
  sender: Sender;
  queue: PQueue;
  concurrency: number;
  pace: readonly PaceRule[];
}

const sleep = (ms: number) =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

export class DeliveryWorker {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #stopping = false;
  #prunedAt = 0;
  readonly #lanes: Lane[];
  readonly #workerId: string;
  readonly #leaseMs: number;
  readonly #wall: () => number;
  readonly #outcomes: DeliveryOutcomes;

  constructor(
    private readonly scope: ServiceScope,
    senders: ReadonlyMap<Platform, Sender>,
    private readonly kinds: OutboxDrawing,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: DeliveryOptions = {},
  ) {
    this.#workerId = options.workerId ?? "worker";
    this.#leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.#wall = options.wallClock ?? Date.now;
    this.#outcomes = new DeliveryOutcomes(scope, clock, logger, {
      maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
      wallClock: this.#wall,
      isBestEffort: (kind) => kinds.isBestEffort(kind),
      ...(options.t ? { t: options.t } : {}),
    });
    this.#lanes = [...senders].map(([platform, sender]) => {
      const concurrency = options.concurrency?.[platform] ?? sender.limits?.concurrency ?? 1;
      const pace = options.limits?.[platform] ?? sender.limits?.pace ?? [];
      return { platform, sender, concurrency, pace, queue: new PQueue({ concurrency }) };
    });
  }

  /** Sends what is due now, until nothing is; returns how many messages were handled. */
  drainOnce(): Promise<number> {
    this.#running ??= this.#drain().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  start(intervalMs: number): void {
    this.#timer = setInterval(() => {
      this.drainOnce().catch((err: unknown) => this.logger.error({ err }, "delivery failed"));
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stops claiming; chats already claimed but not started are given back. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#stopping = true;
    await this.#running;
  }

  async #drain(): Promise<number> {
    const handled = await Promise.all(this.#lanes.map((lane) => this.#drainLane(lane)));
    const wall = this.#wall();
    if (wall - this.#prunedAt > PRUNE_EVERY_MS) {
      this.#prunedAt = wall;
      await this.scope.read((s) => s.outbox.prunePace(wall - PRUNE_EVERY_MS));
    }
    return handled.reduce((a, b) => a + b, 0);
  }

  /** Keeps one platform's queue full (up to twice its concurrency in chats) until nothing is due. */
  async #drainLane(lane: Lane): Promise<number> {
    let handled = 0;
    let emptyAt = Number.NEGATIVE_INFINITY;
    for (;;) {
      // Refilled when half empty: claims come a batch of chats at a time, not one per send.
      const busy = lane.queue.size + lane.queue.pending;
      const room = lane.concurrency * 2 - busy;
      if (!this.#stopping && room >= lane.concurrency && this.#wall() - emptyAt >= RECLAIM_MS) {
        const rows = await this.#claim(lane, room);
        if (rows.length === 0) emptyAt = this.#wall();
        handled += rows.length;
        for (const chat of byChat(rows)) void lane.queue.add(() => this.#deliverChat(lane, chat));
      }
      // Nothing in flight and nothing more was due (or we are stopping): done for now.
      if (lane.queue.size + lane.queue.pending === 0) return handled;
      await new Promise((resolve) => lane.queue.once("next", resolve));
    }
  }

  #claim(lane: Lane, chats: number): Promise<OutboxRow[]> {
    return this.scope.transaction((s) =>
      s.outbox.claimChats(lane.platform, this.#workerId, this.clock.now(), this.#leaseMs, chats),
    );
  }

  /** One chat's claimed messages, in order. Never throws: whatever is left is given back. */
  async #deliverChat(lane: Lane, rows: OutboxRow[]): Promise<void> {
    const claimedAt = this.#wall();
    let index = 0;
    let retries = 0;
    try {
      while (index < rows.length) {
        // Stopping, or held long enough that the lease may run out: give the rest back.
        if (this.#stopping || this.#wall() - claimedAt > this.#leaseMs / 2) break;
        const row = rows[index] as OutboxRow;
        let next = await this.#deliverOne(lane, row);
        if (next === "retry" && ++retries > 2)
          next = await this.#outcomes.settle(row, { kind: "transient" }, new Error("the chat kept moving"));
        if (next === "retry") continue;
        retries = 0;
        if (next === "next") {
          index += 1;
          continue;
        }
        const rest = rows.slice(index + (next.consumed ? 1 : 0)).map((r) => r.id);
        const until = next.until;
        if (until && rest.length > 0) await this.scope.transaction((s) => s.outbox.postpone(rest, until));
        index = rows.length;
      }
    } catch (error) {
      this.logger.error({ err: error, platform: lane.platform }, "delivery to a chat failed");
    }
    const rest = rows.slice(index).map((r) => r.id);
    if (rest.length > 0)
      await this.scope
        .transaction((s) => s.outbox.release(rest))
        .catch((err: unknown) => {
          this.logger.warn({ err }, "could not release claimed messages; their lease will expire");
        });
  }

  /**
   * Sends one message. "next": done with it, go on; "retry": send it again now (it moved or its
   * target changed); otherwise stop this chat, putting the rest back until `until` (the failed
   * message itself too unless `consumed`).
   */
  async #deliverOne(lane: Lane, row: OutboxRow): Promise<Next> {
    const later = await this.#pace(lane, row.chatId);
    if (later > 0) return { until: new Date(this.clock.now().getTime() + later), consumed: false };
    const posted = row.replaceKey
      ? await this.scope.read((s) => s.outbox.posted(row.platform, row.chatId, row.replaceKey ?? ""))
      : null;
    let sent: SendResult;
    try {
      const reply = await this.kinds.draw(row);
      sent = await lane.sender.send(row.chatId, reply, {
        ...(posted ? { editMessageId: posted.messageId } : {}),
        topic: row.topic,
      });
    } catch (error) {
      return this.#outcomes.settle(row, failureOf(error), error);
    }
    await this.scope.transaction((s) => s.outbox.recordSent(row, sent, this.clock.now()));
    return "next";
  }

  /** Waits out the chat's and the platform's pace; a chat that must wait long is put back (ms). */
  async #pace({ platform, pace }: Lane, chatId: string): Promise<number> {
    for (const rule of pace) {
      const key = paceKey(platform, rule, chatId);
      if (!key) continue;
      const maxWait = rule.scope === "platform" ? PLATFORM_WAIT_MS : SHORT_WAIT_MS;
      for (let tries = 1; ; tries++) {
        const asked = this.#wall();
        const grant = await this.scope.read((s) => s.outbox.reservePace(key, rule, asked, maxWait));
        if (!grant.granted) return grant.waitMs;
        await sleep(grant.waitMs);
        // Woken well after the slot (a busy event loop): the sends after it may already be on time,
        // and this one would land on top of them. Take a fresh slot instead (a slot lost, not a 429).
        if (this.#wall() - (asked + grant.waitMs) <= LATE_MS || tries >= 3) break;
      }
    }
    return 0;
  }
}

/** Claimed rows (ordered) grouped by chat, keeping the order within each. */
function byChat(rows: OutboxRow[]): OutboxRow[][] {
  const chats = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const list = chats.get(row.chatId);
    if (list) list.push(row);
    else chats.set(row.chatId, [row]);
  }
  return [...chats.values()];
}
