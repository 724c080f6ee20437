// Expected failures (an expired code, a refused permission) are thrown as DomainError with a
// message key; the router rolls the transaction back and answers with the translated message.
export class DomainError extends Error {
  override name = "DomainError";

  constructor(
    readonly key: string,
    readonly values: Record<string, unknown> = {},
    readonly visibility: "chat" | "private" = "chat",
  ) {
    super(key);
  }
}

/** A refusal on permission grounds: answered privately and politely. */
export class Forbidden extends DomainError {
  override name = "Forbidden";

  constructor(key = "errors.forbidden", values: Record<string, unknown> = {}) {
    super(key, values, "private");
  }
}
