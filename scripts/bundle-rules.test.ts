// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  applyAllowList,
  blurLocalNames,
  cspProblems,
  findSinks,
  initialLoad,
  manifestProblems,
  overBudget,
  pageProblems,
  stableBundlePath,
  type AllowedSink,
  type ReviewedManifest,
} from './bundle-rules.mjs';

const sinksIn = (code: string) =>
  findSinks('chunks/a-AbCd1234.js', code).map((found) => found.sink);

describe('findSinks', () => {
  it.each([
    ['el.innerHTML=s', 'innerHTML'],
    ['el.outerHTML=s', 'outerHTML'],
    ['el.insertAdjacentHTML("beforeend",s)', 'insertAdjacentHTML'],
    ['document.write(s)', 'document.write'],
    ['document.writeln(s)', 'document.write'],
    ['r.createContextualFragment(s)', 'createContextualFragment'],
    ['f.srcdoc=s', 'srcdoc'],
    ['eval(s)', 'eval'],
    ['(0,eval)(s)', 'eval'],
    ['new Function("a","return a")', 'Function constructor'],
    ['Function("return this")()', 'Function constructor'],
    ['setTimeout("go()",1)', 'timer with a string'],
    ["setInterval('go()',1)", 'timer with a string'],
    ['e.runtime.onMessageExternal.addListener(h)', 'external messaging'],
    ['e.runtime.onConnectExternal.addListener(h)', 'external messaging'],
    ['await fetch(u)', 'fetch'],
    ['self.fetch(u)', 'fetch'],
    ['new XMLHttpRequest', 'XMLHttpRequest'],
    ['new WebSocket(u)', 'WebSocket'],
    ['new EventSource(u)', 'EventSource'],
    ['navigator.sendBeacon(u,d)', 'sendBeacon'],
    ['importScripts(u)', 'importScripts'],
  ])('finds %s', (code, sink) => {
    expect(sinksIn(`var a=1;${code};`)).toEqual([sink]);
  });

  it.each([
    ['a lookalike name', 'h.dynamicTypingFunction(q)'],
    ['a timer with a function', 'setTimeout(()=>go(),1)'],
    ['a longer word', 'evaluate(s);prefetch(u)'],
    ["Preact's prop name", 'dangerouslySetInnerHTML:{__html:s}'],
    ["the polyfill's table of events", 'runtime:{onMessageExternal:f($)}'],
    ['plain text', 'el.textContent=s'],
  ])('passes %s', (_, code) => {
    expect(sinksIn(code)).toEqual([]);
  });

  it('names the file without its hash and keeps the code around the sink', () => {
    const [found] = findSinks('chunks/theme-BOjHtBeK.js', 'if(f)r.innerHTML=f.__html;');
    expect(found).toMatchObject({
      file: 'chunks/theme.js',
      match: 'innerHTML',
      before: 'if(f)r.',
      after: '=f.__html;',
    });
  });
});

describe('stableBundlePath', () => {
  it.each([
    ['chunks/DataSection-JPhSEzqw.js', 'chunks/DataSection.js'],
    ['chunks/sidepanel-9qwNjtKX.js', 'chunks/sidepanel.js'],
    ['assets/sidepanel-Dd6n6i-P.css', 'assets/sidepanel.css'],
    ['background.js', 'background.js'],
    ['content-scripts/scan.js', 'content-scripts/scan.js'],
  ])('%s → %s', (path, stable) => {
    expect(stableBundlePath(path)).toBe(stable);
  });
});

describe('blurLocalNames', () => {
  it('blurs short local names but keeps properties, globals and keywords', () => {
    expect(blurLocalNames('if(f)r.innerHTML=f.__html')).toBe('if(_)_.innerHTML=_.__html');
    expect(blurLocalNames('new Function(e)')).toBe('new Function(_)');
    expect(blurLocalNames('document.write(ab)')).toBe('document.write(_)');
  });

  it('gives two builds that renamed their locals the same shape', () => {
    expect(blurLocalNames('r.innerHTML=f.__html')).toBe(blurLocalNames('Te.innerHTML=a.__html'));
  });
});

describe('applyAllowList', () => {
  const preact: AllowedSink = {
    file: 'chunks/theme.js',
    sink: 'innerHTML',
    snippet: 'r.innerHTML=f.__html',
    reason: 'test',
  };

  it('allows a reviewed sink even after the minifier renamed its locals', () => {
    const found = findSinks('chunks/theme-XXXXXXXX.js', 'if(q)n.innerHTML=q.__html');
    expect(applyAllowList(found, [preact])).toEqual({ unexpected: [], stale: [] });
  });

  it('refuses the same sink in other code, in another file or once too often', () => {
    const other = findSinks('chunks/theme-XXXXXXXX.js', 'n.innerHTML=location.hash');
    const elsewhere = findSinks('chunks/popup-XXXXXXXX.js', 'n.innerHTML=q.__html');
    const twice = findSinks(
      'chunks/theme-XXXXXXXX.js',
      'n.innerHTML=q.__html;n.innerHTML=q.__html',
    );
    expect(applyAllowList(other, [preact]).unexpected).toHaveLength(1);
    expect(applyAllowList(elsewhere, [preact]).unexpected).toHaveLength(1);
    expect(applyAllowList(twice, [preact]).unexpected).toHaveLength(1);
    expect(applyAllowList(twice, [{ ...preact, count: 2 }]).unexpected).toHaveLength(0);
  });

  it('needs the snippet to span the sink itself, not only code near it', () => {
    const found = findSinks('chunks/theme-XXXXXXXX.js', 'x=f.__html;r.innerHTML=s');
    expect(applyAllowList(found, [{ ...preact, snippet: 'x=f.__html;' }]).unexpected).toHaveLength(
      1,
    );
  });

  it('reports an entry that no longer matches anything as stale', () => {
    expect(applyAllowList([], [preact]).stale).toEqual([{ entry: preact, found: 0 }]);
  });
});

describe('manifestProblems', () => {
  const reviewed: ReviewedManifest = {
    keys: [
      'manifest_version',
      'name',
      'permissions',
      'host_permissions',
      'optional_host_permissions',
    ],
    permissions: { storage: 'why' },
    hostPermissions: { 'https://mail.google.com/*': 'why' },
    optionalHostPermissions: { 'https://*/*': 'why' },
    webAccessibleResources: [],
  };
  const manifest = {
    manifest_version: 3,
    name: 'x',
    permissions: ['storage'],
    host_permissions: ['https://mail.google.com/*'],
    optional_host_permissions: ['https://*/*'],
  };

  it('accepts the reviewed manifest', () => {
    expect(manifestProblems(manifest, reviewed)).toEqual([]);
  });

  it('names a permission added or dropped without review', () => {
    expect(manifestProblems({ ...manifest, permissions: ['tabs'] }, reviewed)).toEqual([
      'permission not reviewed: tabs',
      'permission reviewed but missing: storage',
    ]);
    expect(manifestProblems({ ...manifest, host_permissions: ['<all_urls>'] }, reviewed)).toContain(
      'host permission not reviewed: <all_urls>',
    );
  });

  it('refuses anything other extensions or pages could reach', () => {
    const open = {
      ...manifest,
      externally_connectable: { matches: ['https://*/*'] },
      web_accessible_resources: [{ resources: ['popup.html'], matches: ['<all_urls>'] }],
    };
    const problems = manifestProblems(open, reviewed);
    expect(problems).toContain('manifest key not reviewed: externally_connectable');
    expect(problems).toContain(
      'externally_connectable lets other extensions and sites message the worker',
    );
    expect(problems).toContain('web-accessible resource not reviewed: popup.html');
    expect(
      manifestProblems({ ...manifest, web_accessible_resources: ['a.js'] }, reviewed),
    ).toContain('web-accessible resource not reviewed: a.js');
  });

  it('checks a content security policy in either manifest version', () => {
    const mv3 = {
      ...manifest,
      content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" },
    };
    const mv2 = { ...manifest, content_security_policy: "script-src 'self' 'unsafe-eval'" };
    expect(manifestProblems(mv3, reviewed)).toContain('CSP script-src allows https://cdn.example');
    expect(manifestProblems(mv2, reviewed)).toContain("CSP script-src allows 'unsafe-eval'");
  });
});

describe('cspProblems', () => {
  it('accepts the MV3 default and names every outside source', () => {
    expect(cspProblems("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';")).toEqual([]);
    expect(cspProblems('default-src *; style-src https://x.example; object-src data:')).toEqual([
      'CSP default-src allows *',
      'CSP object-src allows data:',
    ]);
  });
});

describe('pageProblems', () => {
  it('accepts scripts and styles from the package', () => {
    const html =
      '<script type="module" crossorigin src="/chunks/popup-BHVnHnNP.js"></script><link rel="stylesheet" href="/assets/a.css"><script src="./b.js"></script>';
    expect(pageProblems('popup.html', html)).toEqual([]);
  });

  it('names remote, protocol-relative and inline scripts', () => {
    const html =
      '<script src="https://cdn.example/x.js"></script><link rel=stylesheet href=//cdn.example/a.css><script>alert(1)</script>';
    expect(pageProblems('p.html', html)).toEqual([
      'p.html loads https://cdn.example/x.js from outside the package',
      'p.html loads //cdn.example/a.css from outside the package',
      'p.html has an inline script',
    ]);
  });
});

describe('overBudget', () => {
  it('names only the files over the limit', () => {
    expect(
      overBudget(
        [
          { file: 'a.js', gzipBytes: 15 * 1024 },
          { file: 'b.js', gzipBytes: 15 * 1024 + 1 },
        ],
        15 * 1024,
      ),
    ).toEqual(['b.js is 15.0 KB gzip (15361 B), over the 15.0 KB budget']);
  });
});

describe('initialLoad', () => {
  const files: Record<string, string> = {
    'chunks/popup-AbCd1234.js':
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["chunks/view-EfGh5678.js"])))=>i.map(i=>d[i]);' +
      'import{a as b}from"./theme-IjKl9012.js";import"./side-MnOp3456.js";' +
      'const v=()=>import("./view-EfGh5678.js");const s="import x from\'./nothing.js\'";',
    'chunks/theme-IjKl9012.js': 'import{c}from"./shared-QrSt7890.js";export const a=1;',
    'chunks/side-MnOp3456.js': 'import{c}from"./shared-QrSt7890.js";console.log(c);',
    'chunks/shared-QrSt7890.js': 'export const c=2;',
    'chunks/view-EfGh5678.js': 'import{c}from"./shared-QrSt7890.js";export const v=3;',
  };
  const read = (path: string) => {
    const code = files[path];
    if (code === undefined) throw new Error(`read ${path}`);
    return code;
  };
  const html =
    '<script type="module" crossorigin src="/chunks/popup-AbCd1234.js"></script>' +
    '<link rel="modulepreload" href="/chunks/theme-IjKl9012.js">';

  it('follows static imports transitively, each file once', () => {
    expect(initialLoad(html, read).sort()).toEqual([
      'chunks/popup-AbCd1234.js',
      'chunks/shared-QrSt7890.js',
      'chunks/side-MnOp3456.js',
      'chunks/theme-IjKl9012.js',
    ]);
  });

  it('leaves out what loads only through import(), and words inside strings', () => {
    const loaded = initialLoad(html, read);
    expect(loaded).not.toContain('chunks/view-EfGh5678.js');
    expect(loaded).not.toContain('chunks/nothing.js');
  });
});
