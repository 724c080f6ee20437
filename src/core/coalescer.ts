// Runs work for a key at most once at a time. A call that arrives while the key's work runs waits
// for one more run that starts after the current one (calls arriving meanwhile share that run), so
// a burst of identical updates — two hundred check-ins bumping one announcement — costs two runs
// at a time instead of two hundred queued on one row lock, and nobody waits for more than two.
interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface Slot {
  work: () => Promise<unknown>;
  next: Deferred | null;
}

export class Coalescer {
  readonly #slots = new Map<string, Slot>();

  run(key: string, work: () => Promise<unknown>): Promise<void> {
    const slot = this.#slots.get(key);
    if (slot) {
      // The latest caller's work runs next: it is the freshest view of the same change.
      slot.work = work;
      slot.next ??= deferred();
      return slot.next.promise;
    }
    const fresh: Slot = { work, next: null };
    this.#slots.set(key, fresh);
    const first = deferred();
    void this.#drain(key, fresh, first);
    return first.promise;
  }

  async #drain(key: string, slot: Slot, first: Deferred): Promise<void> {
    let current = first;
    for (;;) {
      try {
        await slot.work();
        current.resolve();
      } catch (error) {
        current.reject(error);
      }
      if (!slot.next) {
        this.#slots.delete(key);
        return;
      }
      current = slot.next;
      slot.next = null;
    }
  }
}
