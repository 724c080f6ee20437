// How each kind of outbox message is drawn when it is sent, registered by the feature that queues
// it (a meeting's announcement, its calendar file, a stored reply with a chart): delivery asks the
// registry and never knows what a meeting is. A best-effort kind is a convenience, not a record:
// one failed try ends it, so its retries never hold back the chat's announcements and reminders.
import type { Translate } from "../core/i18n.js";
import type { PrivateFiles } from "../core/private-files.js";
import type { Reply } from "../core/reply.js";

/** What a kind's drawing may use: reads of the services `S`, the words, the time, the files. */
export interface DrawingContext<S> {
  read<T>(fn: (services: S) => Promise<T>): Promise<T>;
  t: Translate;
  now: Date;
  files: PrivateFiles;
}

export interface OutboxKind<S> {
  kind: string;
  /** One failed try ends it (not retried, never holding back the chat). */
  bestEffort?: boolean;
  /** The message as it is to be sent now, from what was queued. */
  draw(payload: string, context: DrawingContext<S>): Promise<Reply>;
}

/** What the delivery worker needs of the registry. */
export interface OutboxDrawing {
  draw(row: { kind: string; payload: string }): Promise<Reply>;
  isBestEffort(kind: string): boolean;
}

export class OutboxKinds<S> implements OutboxDrawing {
  readonly #kinds = new Map<string, OutboxKind<S>>();

  constructor(
    /** Messages of a kind nobody registered: a reply stored whole when queued. */
    private readonly stored: OutboxKind<S>["draw"],
    private readonly context: () => DrawingContext<S>,
  ) {}

  register(...kinds: OutboxKind<S>[]): this {
    for (const kind of kinds) {
      if (this.#kinds.has(kind.kind)) throw new Error(`outbox kind ${kind.kind} is registered twice`);
      this.#kinds.set(kind.kind, kind);
    }
    return this;
  }

  draw(row: { kind: string; payload: string }): Promise<Reply> {
    const draw = this.#kinds.get(row.kind)?.draw ?? this.stored;
    return draw(row.payload, this.context());
  }

  isBestEffort(kind: string): boolean {
    return this.#kinds.get(kind)?.bestEffort === true;
  }
}
