/**
 * A value built the first time it is used, in place of the value itself.
 *
 * The service worker is started cold for almost every message it answers, and it
 * cannot load code on demand (no `import()` in a worker), so everything the bundle
 * declares at module level is built on every start. Zod builds each schema eagerly:
 * several hundred of them took longer than the rest of the start together. A schema
 * declared with `lazy(() => z.object(...))` is built when something first reads it
 * (a parse, a composition into another schema that is itself being built), so a
 * start pays only for the schemas its first message needs.
 *
 * The stand-in forwards every operation to the built value, so callers, types and
 * `instanceof` see the value itself. Only identity differs: the stand-in is not `===`
 * the built value, so never key a map or registry by a lazy value.
 */
export function lazy<T extends object>(build: () => T): T {
  let built: T | undefined;
  const value = (): T => (built ??= build());
  // The target is a plain object that only carries the prototype chain's traps; every
  // answer comes from the built value.
  return new Proxy({} as T, {
    get: (_, key) => {
      const target = value();
      const found: unknown = Reflect.get(target, key, target);
      return found;
    },
    set: (_, key, next) => Reflect.set(value(), key, next),
    has: (_, key) => Reflect.has(value(), key),
    ownKeys: () => Reflect.ownKeys(value()),
    // A proxy may not report a property that is not on its (empty) target as fixed, so
    // every descriptor is reported configurable; the value is the built one's.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(value(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(value(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(value(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(value()),
  });
}
