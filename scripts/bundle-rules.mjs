// The rules `check-bundle.mjs` holds the built extension to, as pure functions over
// file contents and the manifest, so that each can be tested on small inputs.

/**
 * Code in the bundle that turns a string into markup or code, or reaches the network.
 * Each pattern runs over minified code, so it is written against what a minifier
 * keeps: property names and globals, never local names.
 */
export const SINK_PATTERNS = [
  { sink: 'innerHTML', pattern: /\binnerHTML\b/g },
  { sink: 'outerHTML', pattern: /\bouterHTML\b/g },
  { sink: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/g },
  { sink: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/g },
  { sink: 'srcdoc', pattern: /\bsrcdoc\b/g },
  { sink: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\b/g },
  { sink: 'eval', pattern: /(?<![\w$])eval\s*\(|\(\s*0\s*,\s*eval\s*\)/g },
  { sink: 'Function constructor', pattern: /(?<![\w$.])Function\s*\(/g },
  { sink: 'timer with a string', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g },
  { sink: 'external messaging', pattern: /\bon(?:Message|Connect)External\s*\.\s*addListener\b/g },
  { sink: 'fetch', pattern: /(?<![\w$])fetch\s*\(/g },
  { sink: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/g },
  { sink: 'WebSocket', pattern: /\bWebSocket\b/g },
  { sink: 'EventSource', pattern: /\bEventSource\b/g },
  { sink: 'sendBeacon', pattern: /\bsendBeacon\b/g },
  { sink: 'importScripts', pattern: /\bimportScripts\b/g },
];

/** `chunks/theme-BOjHtBeK.js` → `chunks/theme.js`: the name without the build's content hash. */
export function stableBundlePath(path) {
  return path.replace(/\\/g, '/').replace(/-[\w-]{8}(?=\.(?:js|css|html)$)/, '');
}

const KEYWORDS = new Set(['do', 'if', 'in', 'for', 'let', 'new', 'try', 'var', 'of']);

/**
 * Replaces every short standalone name with `_`. A minifier renames locals from one
 * build to the next (`r.innerHTML=f.__html` may become `n.innerHTML=a.__html`), so
 * allow-list snippets are compared in this shape; property names (after a dot),
 * longer globals and keywords are kept, and those are what a snippet is about.
 */
export function blurLocalNames(code) {
  return code.replace(/[A-Za-z_$][\w$]*/g, (name, offset, whole) =>
    name.length <= 3 && !KEYWORDS.has(name) && whole[offset - 1] !== '.' ? '_' : name,
  );
}

const CONTEXT = 48;

/** Every sink in one file, each with the code around it. */
export function findSinks(file, code, patterns = SINK_PATTERNS) {
  const found = [];
  for (const { sink, pattern } of patterns) {
    for (const match of code.matchAll(new RegExp(pattern.source, 'g'))) {
      const start = match.index;
      const end = start + match[0].length;
      found.push({
        file: stableBundlePath(file),
        sink,
        match: match[0],
        before: code.slice(Math.max(0, start - CONTEXT), start),
        after: code.slice(end, end + CONTEXT),
      });
    }
  }
  return found;
}

/** Whether `snippet` (blurred) spans the sink itself within the code around it. */
export function snippetCovers(snippet, occurrence) {
  const before = blurLocalNames(occurrence.before);
  const around = before + occurrence.match + blurLocalNames(occurrence.after);
  const wanted = blurLocalNames(snippet);
  const matchEnd = before.length + occurrence.match.length;
  for (let at = around.indexOf(wanted); at !== -1; at = around.indexOf(wanted, at + 1)) {
    if (at <= before.length && at + wanted.length >= matchEnd) return true;
  }
  return false;
}

/**
 * Splits sinks into those a reviewed entry allows and the rest. Each entry allows
 * `count` (default 1) occurrences of its sink in its file whose code matches its
 * snippet; an entry that allows fewer than that is reported as stale, so the list
 * never keeps room for a sink that is gone.
 */
export function applyAllowList(occurrences, allowList) {
  const used = allowList.map(() => 0);
  const unexpected = [];
  for (const occurrence of occurrences) {
    const index = allowList.findIndex(
      (entry, i) =>
        entry.file === occurrence.file &&
        entry.sink === occurrence.sink &&
        used[i] < (entry.count ?? 1) &&
        snippetCovers(entry.snippet, occurrence),
    );
    if (index === -1) unexpected.push(occurrence);
    else used[index] += 1;
  }
  const stale = allowList
    .map((entry, i) => ({ entry, found: used[i] }))
    .filter(({ entry, found }) => found < (entry.count ?? 1));
  return { unexpected, stale };
}

function sameSet(found, reviewed, what) {
  const have = new Set(found ?? []);
  const want = new Set(reviewed);
  return [
    ...[...have].filter((item) => !want.has(item)).map((item) => `${what} not reviewed: ${item}`),
    ...[...want]
      .filter((item) => !have.has(item))
      .map((item) => `${what} reviewed but missing: ${item}`),
  ];
}

/** Sources a policy may name for scripts: only the package itself. */
const SAFE_SCRIPT_SOURCES = new Set(["'self'", "'none'", "'wasm-unsafe-eval'"]);
const SCRIPT_DIRECTIVES = new Set([
  'default-src',
  'script-src',
  'script-src-elem',
  'worker-src',
  'object-src',
]);

/** Problems in a content security policy string: any script source beyond the package's own. */
export function cspProblems(policy) {
  const problems = [];
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name || !SCRIPT_DIRECTIVES.has(name.toLowerCase())) continue;
    for (const source of sources) {
      if (!SAFE_SCRIPT_SOURCES.has(source.toLowerCase()))
        problems.push(`CSP ${name} allows ${source}`);
    }
  }
  return problems;
}

/**
 * Compares a built manifest with the reviewed one: its keys, permissions and host
 * permissions exactly; nothing reachable from other extensions or web pages; and a
 * content security policy, if any, that loads scripts only from the package.
 */
export function manifestProblems(manifest, reviewed) {
  const problems = [
    ...sameSet(Object.keys(manifest), reviewed.keys, 'manifest key'),
    ...sameSet(manifest.permissions, Object.keys(reviewed.permissions), 'permission'),
    ...sameSet(manifest.host_permissions, Object.keys(reviewed.hostPermissions), 'host permission'),
    ...sameSet(
      manifest.optional_host_permissions,
      Object.keys(reviewed.optionalHostPermissions),
      'optional host permission',
    ),
  ];
  if ('externally_connectable' in manifest)
    problems.push('externally_connectable lets other extensions and sites message the worker');
  const exposed = (manifest.web_accessible_resources ?? []).flatMap((entry) =>
    typeof entry === 'string' ? [entry] : (entry.resources ?? []),
  );
  problems.push(...sameSet(exposed, reviewed.webAccessibleResources, 'web-accessible resource'));
  const csp = manifest.content_security_policy;
  const policies = typeof csp === 'string' ? [csp] : Object.values(csp ?? {});
  for (const policy of policies) problems.push(...cspProblems(String(policy)));
  return problems;
}

/** Scripts and styles an extension page loads from anywhere but the package, and inline scripts. */
export function pageProblems(file, html) {
  const problems = [];
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const address = /\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/i.exec(tag[0])?.[1];
    if (address && /^(?:[a-z][\w+.-]*:|\/\/)/i.test(address))
      problems.push(`${file} loads ${address} from outside the package`);
  }
  for (const inline of html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (inline[1]?.trim()) problems.push(`${file} has an inline script`);
  }
  return problems;
}

/** Files over a gzip budget, given each file's gzipped size in bytes. */
export function overBudget(sizes, limitBytes) {
  return sizes
    .filter(({ gzipBytes }) => gzipBytes > limitBytes)
    .map(
      ({ file, gzipBytes }) =>
        `${file} is ${kb(gzipBytes)} KB gzip (${gzipBytes} B), over the ${kb(limitBytes)} KB budget`,
    );
}

export function kb(bytes) {
  return (Math.round((bytes / 1024) * 10) / 10).toFixed(1);
}

/**
 * The scripts a page must fetch and run before it can show anything: the module
 * scripts its HTML names, and everything they import statically, transitively.
 * Chunks reached only through `import()` are left out: they load when used.
 * `read(path)` gives a built file's text by its path in the package (`chunks/x.js`).
 */
export function initialLoad(html, read) {
  const entries = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?\/?([^"'\s>]+\.js)/gi)].map(
    (match) => match[1],
  );
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const specifier of staticImports(read(path))) visit(resolveRelative(path, specifier));
  };
  entries.forEach(visit);
  return [...seen];
}

/**
 * A built module's import declarations (`import{a as b}from"./x.js";`, `import"./x.js";`):
 * each starts a statement and names a relative `.js` file, so `import(…)` and strings
 * that merely contain the word never count.
 */
function staticImports(code) {
  const declaration =
    /(?:^|[;}\n])\s*import\s*(?:[\w$*{][^"';]*?from\s*)?["']((?:\.{1,2})?\/[^"']+\.js)["']/g;
  return [...code.matchAll(declaration)].map((match) => match[1]);
}

function resolveRelative(from, specifier) {
  if (specifier.startsWith('/')) return specifier.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}
