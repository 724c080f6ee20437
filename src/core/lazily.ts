// An object whose parts are built the first time they are read, then kept: a command that reads
// one service builds that service and what it uses, not every other one.
export function lazily<T extends object>(builders: { [K in keyof T]: () => T[K] }): T {
  const built = {} as T;
  for (const key of Object.keys(builders) as (keyof T)[]) {
    Object.defineProperty(built, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = builders[key]();
        Object.defineProperty(built, key, { value, enumerable: true, writable: false });
        return value;
      },
    });
  }
  return built;
}
