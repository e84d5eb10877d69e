import type { Bidi } from './bidi';

/**
 * Pages as BiDi browsing contexts: open one, run a function in it, wait for a
 * condition, type into it. Functions travel as source text, as with Playwright's
 * `evaluate`, so they must not close over test variables: pass those as `args`.
 * Arguments and results cross as JSON, which keeps the protocol's value
 * serialisation out of the tests.
 */

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

export async function run<T, A extends unknown[]>(
  bidi: Bidi,
  context: string,
  fn: (...args: A) => T | Promise<T>,
  ...args: A
): Promise<T> {
  const reply = await bidi.send<EvaluateResult>('script.callFunction', {
    functionDeclaration: `async (json) => JSON.stringify((await (${String(fn)})(...JSON.parse(json))) ?? null)`,
    arguments: [{ type: 'string', value: JSON.stringify(args) }],
    target: { context },
    awaitPromise: true,
  });
  if (reply.type === 'exception') throw new Error(`in page: ${reply.exceptionDetails?.text}`);
  return JSON.parse(String(reply.result?.value)) as T;
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/** Runs `fn` until it returns something truthy; the last value explains a timeout. */
export async function waitFor<T, A extends unknown[]>(
  bidi: Bidi,
  context: string,
  fn: (...args: A) => T | Promise<T>,
  ...args: A
): Promise<Truthy<T>> {
  const deadline = Date.now() + 10_000;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await run(bidi, context, fn, ...args);
    if (last) return last as Truthy<T>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`condition never held (last: ${JSON.stringify(last)}): ${String(fn)}`);
}

/** Opens `url` in a new tab and waits for its load event. */
export async function openTab(bidi: Bidi, url: string): Promise<string> {
  const { context } = await bidi.send<{ context: string }>('browsingContext.create', {
    type: 'tab',
  });
  await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return context;
}

export async function closeTab(bidi: Bidi, context: string): Promise<void> {
  await bidi.send('browsingContext.close', { context });
}

/** Real key presses (not synthetic events) into whatever has focus in `context`. */
export async function typeText(bidi: Bidi, context: string, text: string): Promise<void> {
  const keys = [...text].flatMap((value) => [
    { type: 'keyDown', value },
    { type: 'keyUp', value },
  ]);
  await bidi.send('input.performActions', {
    context,
    actions: [{ type: 'key', id: 'keyboard', actions: keys }],
  });
}
