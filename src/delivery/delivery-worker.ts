// Drains the outbox: renders each due message, sends it through its platform's sender and
// records it as sent. A keyed message (an announcement) edits the message posted before; if it
// changed while being sent it stays queued, so the latest state always goes out. Failures are
// retried with backoff. (Rate limits per platform, claims across instances and crash recovery
// belong to the jobs layer, issue 5.)
import type { Clock } from "../core/clock.js";
import type { Platform } from "../core/incoming.js";
import type { Logger } from "../core/logger.js";
import type { Reply } from "../core/reply.js";
import type { ServiceScope } from "../services.js";
import type { OutboxRow } from "./outbox-service.js";
import { DeliveryThrottle } from "./platform-limits.js";
import { RateLimited, type Sender } from "./sender.js";

const BATCH = 50;
/** How long a worker holds a message it is sending before another may take it over. */
const LEASE_MS = 60_000;
const SHORT_WAIT_MS = 250;
const MAX_BACKOFF_MS = 15 * 60_000;

export type RenderOutbox = (row: OutboxRow) => Promise<Reply>;

export class DeliveryWorker {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(
    private readonly scope: ServiceScope,
    private readonly senders: ReadonlyMap<Platform, Sender>,
    private readonly render: RenderOutbox,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly workerId = "worker",
    private readonly throttle = new DeliveryThrottle(),
  ) {}

  /** Sends what is due now; returns how many messages were handled. Never runs twice at once. */
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

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  async #drain(): Promise<number> {
    const rows = await this.scope.read((s) =>
      s.outbox.due(this.clock.now(), BATCH, [...this.senders.keys()]),
    );
    for (const row of rows) {
      const sender = this.senders.get(row.platform as Platform);
      if (!sender) continue;
      const now = this.clock.now();
      if (!(await this.scope.transaction((s) => s.outbox.claim(row.id, this.workerId, now, LEASE_MS))))
        continue;
      let wait = await this.throttle.reserve(row.platform as Platform, row.chatId);
      // A short wait (the even spacing of a platform's budget) is slept here; a long one (a chat's
      // per-minute cap) puts the message back for later so other chats are not held up.
      while (wait > 0 && wait <= SHORT_WAIT_MS) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait = await this.throttle.reserve(row.platform as Platform, row.chatId);
      }
      if (wait > 0) {
        await this.scope.transaction((s) => s.outbox.postpone(row.id, new Date(now.getTime() + wait)));
        continue;
      }
      try {
        const posted = row.replaceKey
          ? await this.scope.read((s) => s.outbox.posted(row.platform, row.chatId, row.replaceKey ?? ""))
          : null;
        const reply = await this.render(row);
        const result = await sender.send(
          row.chatId,
          reply,
          posted ? { editMessageId: posted.messageId } : {},
        );
        await this.scope.transaction((s) => s.outbox.recordSent(row, result.messageId, this.clock.now()));
      } catch (error) {
        if (error instanceof RateLimited) {
          // The platform said how long to wait: not a failure, just later.
          await this.scope.transaction((s) =>
            s.outbox.postpone(row.id, new Date(this.clock.now().getTime() + error.retryAfterMs)),
          );
          continue;
        }
        const backoff = Math.min(MAX_BACKOFF_MS, 2 ** row.attempts * 5_000);
        this.logger.warn(
          { err: error, outbox: row.id, attempts: row.attempts + 1 },
          "delivery failed, will retry",
        );
        await this.scope.transaction((s) =>
          s.outbox.markFailed(row.id, String(error), new Date(this.clock.now().getTime() + backoff)),
        );
      }
    }
    return rows.length;
  }
}
