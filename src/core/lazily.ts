// An object whose parts are built the first time they are read, then kept: a command that reads
// one service builds that service and what it uses, not every other one. The getters live on a
// prototype made once per set of part names, so making the object for a command costs one
// allocation, not a property definition per part (measured in docs/operations.md).
const BUILDERS = Symbol("builders");
const VALUES = Symbol("values");

interface Lazy {
  [BUILDERS]: Record<PropertyKey, () => unknown>;
  [VALUES]: Map<PropertyKey, unknown>;
}

const prototypes = new Map<string, object>();

function prototypeFor(keys: readonly string[]): object {
  const signature = keys.join("\u0000");
  const known = prototypes.get(signature);
  if (known) return known;
  const prototype = {};
  for (const key of keys)
    Object.defineProperty(prototype, key, {
      enumerable: true,
      get(this: Lazy) {
        const values = this[VALUES];
        if (values.has(key)) return values.get(key);
        const value = this[BUILDERS][key]?.();
        values.set(key, value);
        return value;
      },
    });
  prototypes.set(signature, prototype);
  return prototype;
}

export function lazily<T extends object>(builders: { [K in keyof T]: () => T[K] }): T {
  const built = Object.create(prototypeFor(Object.keys(builders))) as Lazy;
  built[BUILDERS] = builders as Record<PropertyKey, () => unknown>;
  built[VALUES] = new Map();
  return built as unknown as T;
}
