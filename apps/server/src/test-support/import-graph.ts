/**
 * The server's runtime import graph, read with TypeScript's own parser: which source file loads which.
 * Type-only imports are left out (they vanish at build time and cannot make a loading cycle); tests and
 * test support are left out (a test may reach anything it checks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Importing file, relative to the source root, with `/` separators. */
  from: string;
  /** Imported file, same form. */
  to: string;
}

const isTestFile = (file: string) => /\.test\.tsx?$/.test(file) || file.startsWith('test-support/');

export function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) found.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return found.filter((file) => !isTestFile(file)).sort();
}

/** Relative module specifiers a file loads at run time: value imports, re-exports and `import()`. */
export function runtimeSpecifiers(source: string, fileName = 'file.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyImport(node.importClause)) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (!node.isTypeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return specifiers.filter((specifier) => specifier.startsWith('.'));
}

function isTypeOnlyImport(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // `import './x'` runs x
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return (
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

export function importGraph(root: string): ImportEdge[] {
  const files = new Set(sourceFiles(root));
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const specifier of runtimeSpecifiers(readFileSync(join(root, from), 'utf8'), from)) {
      const base = relative(root, resolve(root, dirname(from), specifier))
        .split('\\')
        .join('/');
      const stem = base.replace(/\.js$/, '');
      const to = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`].find((candidate) =>
        files.has(candidate),
      );
      if (to) edges.push({ from, to });
    }
  }
  return edges;
}
