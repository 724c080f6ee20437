// Counts work in progress so shutdown can wait for it to finish instead of cutting it off.
export class InFlight {
  readonly #running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.#running.add(work);
    const forget = () => this.#running.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.#running.size;
  }

  /** Resolves true when everything finished, false when the timeout came first. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = Promise.allSettled([...this.#running]).then(() => true as const);
    const finished = await Promise.race([done, timeout]);
    clearTimeout(timer);
    return finished;
  }
}
