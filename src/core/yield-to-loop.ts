// SQLite answers queries on the main thread: long jobs await this between reads so timers, the
// health check and other chats' updates get a turn.
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
