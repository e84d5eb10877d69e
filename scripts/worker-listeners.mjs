// Which event listeners the background adds synchronously when the worker starts, read
// from the source. An MV3 worker is stopped when idle and started again by an event;
// only listeners added before the first `await` (or any callback) of that start are
// there in time to receive the event that woke it.
import { posix } from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];
const ALIASES = ['@/', '~/', '@@/', '~~/'];

/** The project file an import names, or undefined for a package (or a file that is not there). */
export function resolveImport(fromFile, specifier, exists) {
  const alias = ALIASES.find((prefix) => specifier.startsWith(prefix));
  let base;
  if (alias) base = specifier.slice(alias.length);
  else if (specifier.startsWith('.')) base = posix.join(posix.dirname(fromFile), specifier);
  else return undefined;
  base = posix.normalize(base).replace(/\.m?js$/, '');
  return EXTENSIONS.map((ending) => base + ending).find(exists);
}

/** `browser.runtime.onMessage` → `runtime.onMessage`; `x.y` stays `x.y`. */
function eventName(expression, sourceFile) {
  const text = expression.getText(sourceFile).replace(/\s+/g, '');
  return text.replace(/^(?:globalThis\.|self\.)?(?:browser|chrome)\./, '');
}

const isFunctionLike = (node) =>
  ts.isFunctionLike(node) || ts.isClassDeclaration(node) || ts.isClassExpression(node);

/**
 * Reads the background from `entryFile` (a path relative to the project root) with
 * `readSource(path)` returning a file's text or undefined. Returns the events whose
 * listeners are added synchronously from the worker's main function, following calls
 * into project functions; the events any reachable file touches for messages from
 * outside the extension; and anything that kept the reading from being complete.
 */
export function readWorkerListeners(entryFile, readSource) {
  const modules = new Map();
  const exists = (path) => {
    if (!modules.has(path)) {
      const text = readSource(path);
      modules.set(
        path,
        text === undefined
          ? null
          : ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path)),
      );
    }
    return modules.get(path) !== null;
  };
  const sourceOf = (path) => (exists(path) ? modules.get(path) : undefined);

  const synchronous = new Set();
  const problems = [];
  const walked = new Set();

  const entry = sourceOf(entryFile);
  const main = entry && findBackgroundMain(entry);
  if (!main) {
    problems.push(`${entryFile}: no \`export default defineBackground(main)\` found`);
  } else {
    walkFunction(main, entry);
  }

  function walkFunction(fn, sourceFile) {
    if (!fn.body) return;
    const state = { awaited: false };
    const visit = (node) => {
      if (state.awaited || isFunctionLike(node)) return; // a nested function runs later, if ever
      if (ts.isAwaitExpression(node)) {
        visit(node.expression);
        state.awaited = true;
        return;
      }
      if (ts.isForOfStatement(node) && node.awaitModifier) {
        visit(node.expression);
        state.awaited = true;
        return;
      }
      ts.forEachChild(node, visit); // callee and arguments are evaluated before the call
      if (ts.isCallExpression(node) && !state.awaited) onCall(node, sourceFile);
    };
    visit(fn.body);
  }

  function onCall(call, sourceFile) {
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'addListener') {
      synchronous.add(eventName(callee.expression, sourceFile));
      return;
    }
    if (!ts.isIdentifier(callee)) return;
    const found = findFunction(sourceFile, callee.text, new Set());
    if (!found) return;
    const key = `${found.sourceFile.fileName}#${found.fn.pos}`;
    if (walked.has(key)) return;
    walked.add(key);
    walkFunction(found.fn, found.sourceFile);
  }

  /** The function `name` means in `sourceFile`: declared there, or imported from a project file. */
  function findFunction(sourceFile, name, seen) {
    const seenKey = `${sourceFile.fileName}#${name}`;
    if (seen.has(seenKey)) return undefined;
    seen.add(seenKey);
    for (const statement of sourceFile.statements) {
      const local = localFunction(statement, name);
      if (local) return { fn: local, sourceFile };
      if (ts.isImportDeclaration(statement)) {
        const bindings = statement.importClause?.namedBindings;
        if (!bindings || !ts.isNamedImports(bindings)) continue;
        const element = bindings.elements.find((e) => e.name.text === name);
        if (!element) continue;
        const path = resolveImport(sourceFile.fileName, statement.moduleSpecifier.text, exists);
        return (
          path && findExported(sourceOf(path), (element.propertyName ?? element.name).text, seen)
        );
      }
    }
    return undefined;
  }

  /** The function module `sourceFile` exports as `name`, declared there or re-exported from another. */
  function findExported(sourceFile, name, seen) {
    const own = findFunction(sourceFile, name, seen);
    if (own) return own;
    for (const statement of sourceFile.statements) {
      if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier) continue;
      const clause = statement.exportClause;
      let exported = name; // `export * from`
      if (clause && ts.isNamedExports(clause)) {
        const element = clause.elements.find((e) => e.name.text === name);
        if (!element) continue;
        exported = (element.propertyName ?? element.name).text;
      } else if (clause) continue; // `export * as space from`
      const path = resolveImport(sourceFile.fileName, statement.moduleSpecifier.text, exists);
      const found = path && findExported(sourceOf(path), exported, seen);
      if (found) return found;
    }
    return undefined;
  }

  // Every project file the background imports, however indirectly: none may listen
  // for messages from other extensions or from web pages.
  const external = new Set();
  const queue = entry ? [entry] : [];
  const queued = new Set([entryFile]);
  while (queue.length > 0) {
    const sourceFile = queue.shift();
    const visit = (node) => {
      if (
        ts.isPropertyAccessExpression(node) &&
        /^on(?:Message|Connect)External$/.test(node.name.text)
      )
        external.add(`${sourceFile.fileName}: ${eventName(node, sourceFile)}`);
      if (
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        const path = resolveImport(sourceFile.fileName, node.moduleSpecifier.text, exists);
        if (path && !queued.has(path)) {
          queued.add(path);
          queue.push(sourceOf(path));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }

  return { synchronous: [...synchronous].sort(), external: [...external].sort(), problems };
}

function scriptKind(path) {
  return path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

/** `function name() {}` or `const name = () => {}` / `function () {}` at the top of a module. */
function localFunction(statement, name) {
  if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement;
  if (!ts.isVariableStatement(statement)) return undefined;
  for (const declaration of statement.declarationList.declarations) {
    if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue;
    const init = declaration.initializer;
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
  }
  return undefined;
}

/** The function WXT runs when the worker starts: `defineBackground(main)` or `({ main })`. */
function findBackgroundMain(sourceFile) {
  for (const statement of sourceFile.statements) {
    if (!ts.isExportAssignment(statement) || statement.isExportEquals) continue;
    const call = statement.expression;
    if (!ts.isCallExpression(call) || call.expression.getText(sourceFile) !== 'defineBackground')
      continue;
    const [argument] = call.arguments;
    if (!argument) return undefined;
    if (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) return argument;
    if (ts.isObjectLiteralExpression(argument)) {
      for (const property of argument.properties) {
        if (property.name?.getText(sourceFile) !== 'main') continue;
        if (ts.isMethodDeclaration(property)) return property;
        if (
          ts.isPropertyAssignment(property) &&
          (ts.isArrowFunction(property.initializer) ||
            ts.isFunctionExpression(property.initializer))
        )
          return property.initializer;
      }
    }
  }
  return undefined;
}
