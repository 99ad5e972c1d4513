// Two lint rules that keep the libraries in libs/ composable:
// - `library-boundaries/entry-points`: another library is reached only through its index
//   (`@app/<name>`) or an entry point declared in tsconfig.json's paths
//   (`@app/organization/vocabulary`, `@app/<name>/demo`), never by a path into its `src/`.
// - `library-boundaries/no-cycle`: an import from one library into another must not close a
//   cycle between libraries (the graph is read from the `@app/*` imports in libs/).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const libsDir = join(root, 'libs');

const libraries = new Set(
  readdirSync(libsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name),
);

/** `@app/...` specifiers tsconfig.json declares: a library's index and its named entry points. */
const declared = new Set(
  Object.keys(JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions.paths),
);

/** The library a file lies in, or null for apps, tests, benchmarks and migrations. */
function libraryOfFile(file) {
  const path = relative(libsDir, file);
  if (path.startsWith('..')) return null;
  const name = path.split(sep)[0];
  return libraries.has(name) ? name : null;
}

/**
 * The library an import specifier reaches, and whether it goes around the library's declared
 * entry points.
 */
function target(specifier, fromFile) {
  const alias = /^@app\/([^/]+)(\/.*)?$/.exec(specifier);
  if (alias) {
    if (!libraries.has(alias[1])) return null;
    return { library: alias[1], deep: !declared.has(specifier) };
  }
  if (!specifier.startsWith('.')) return null;
  const library = libraryOfFile(resolve(dirname(fromFile), specifier));
  if (!library || library === libraryOfFile(fromFile)) return null;
  return { library, deep: true };
}

const SPECIFIER = /(?:\bfrom|\bimport|\brequire\()\s*\(?\s*['"]([^'"]+)['"]/g;

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// Read once per lint run: the graph of which library imports which.
let graph;
function libraryGraph() {
  if (graph) return graph;
  graph = new Map();
  for (const library of libraries) {
    const edges = new Set();
    for (const file of sourceFiles(join(libsDir, library))) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const reached = target(specifier, file);
        if (reached && reached.library !== library) edges.add(reached.library);
      }
    }
    graph.set(library, edges);
  }
  return graph;
}

/** A path of libraries from `from` to `to`, or null. */
function pathBetween(from, to) {
  const edges = libraryGraph();
  const seen = new Set();
  const walk = (library) => {
    if (library === to) return [library];
    if (seen.has(library)) return null;
    seen.add(library);
    for (const next of edges.get(library) ?? []) {
      const rest = walk(next);
      if (rest) return [library, ...rest];
    }
    return null;
  };
  return walk(from);
}

/** Calls `check(node, specifier)` for every import, re-export, import() and require(). */
function visitImports(check) {
  const fromSource = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node.source, node.source.value);
  };
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    ImportExpression: fromSource,
    TSImportEqualsDeclaration(node) {
      const expression = node.moduleReference.expression;
      if (expression && typeof expression.value === 'string') check(expression, expression.value);
    },
    CallExpression(node) {
      const [argument] = node.arguments;
      if (
        node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        argument?.type === 'Literal' &&
        typeof argument.value === 'string'
      ) {
        check(argument, argument.value);
      }
    },
  };
}

const entryPoints = {
  meta: {
    type: 'problem',
    docs: { description: 'Reach another library only through its declared entry points.' },
    schema: [],
    messages: {
      deep:
        "'{{specifier}}' reaches into the {{library}} library's files: import '@app/{{library}}' " +
        '(or an entry point declared in tsconfig.json), and export what is needed from there.',
    },
  },
  create(context) {
    return visitImports((node, specifier) => {
      const reached = target(specifier, context.filename);
      if (reached?.deep) {
        context.report({ node, messageId: 'deep', data: { specifier, library: reached.library } });
      }
    });
  },
};

const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports between libraries must not form a cycle.' },
    schema: [],
    messages: {
      cycle:
        "Importing '{{specifier}}' makes {{from}} depend on {{to}}, which already depends on " +
        '{{from}} ({{path}}): move what both need into a library both may import.',
    },
  },
  create(context) {
    const from = libraryOfFile(context.filename);
    if (!from) return {};
    return visitImports((node, specifier) => {
      const reached = target(specifier, context.filename);
      if (!reached || reached.library === from) return;
      const back = pathBetween(reached.library, from);
      if (back) {
        context.report({
          node,
          messageId: 'cycle',
          data: { specifier, from, to: reached.library, path: back.join(' → ') },
        });
      }
    });
  },
};

export default { rules: { 'entry-points': entryPoints, 'no-cycle': noCycle } };
