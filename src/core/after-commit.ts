// Work registered during a transaction to run once it has committed (a write that must not hold
// the transaction, a coalesced marker). The scope that opened the transaction runs it, handing it
// services outside any transaction; `S` is what the work needs of them.
export type AfterCommit<S> = (work: (services: S) => Promise<unknown>) => void;
