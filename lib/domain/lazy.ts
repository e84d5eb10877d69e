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
 * The stand-in is a plain object whose prototype catches the first read: it then
 * builds the value, copies the value's own properties onto itself and takes the
 * value's prototype. From then on it is an ordinary object with the value's
 * properties (zod's internals and its methods, which close over the built schema), so
 * parsing through it costs what parsing the value costs: a proxy in front of every
 * read made parsing a record about 1.4× slower.
 *
 * Limits: the stand-in is not `===` the built value (never key a map or registry by a
 * lazy value), and listing its keys before anything has read it lists none, so use it
 * for schemas and objects read by name, not for objects to spread or enumerate.
 */
export function lazy<T extends object>(build: () => T): T {
  const standIn = Object.create(null) as T;
  let built: T | undefined;
  const value = (): T => {
    if (built === undefined) {
      built = build();
      Object.defineProperties(standIn, Object.getOwnPropertyDescriptors(built));
      Object.setPrototypeOf(standIn, Object.getPrototypeOf(built) as object | null);
    }
    return built;
  };
  // Reached only while nothing has read the stand-in: every own property shadows it after.
  const firstRead = new Proxy(Object.create(null) as object, {
    get: (_, key) => {
      value();
      return Reflect.get(standIn, key);
    },
    has: (_, key) => Reflect.has(value(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(value()),
  });
  Object.setPrototypeOf(standIn, firstRead);
  return standIn;
}
