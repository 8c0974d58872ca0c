/**
 * Documentation check, run by `npm run lint`: every public export has TSDoc, and every exported
 * value has an example.
 *
 * For each public entry the TypeScript compiler lists the exported symbols, following re-exports
 * (`export *`, `export { x } from`, `export type *`) to the declarations. Then:
 *
 * - a value (function, const, class, enum, component) needs a TSDoc comment with a summary and an
 *   `@example` tag with content;
 * - a type (interface, type alias) needs a TSDoc comment with a summary. Its example may live
 *   elsewhere, e.g. "See {@link createRealtimeSession}".
 *
 * A name that is both a value and a type (a zod schema and its inferred type) must satisfy both.
 * Overloads and merged interfaces pass when any of their declarations carries the doc. A symbol
 * exported from several entries is checked once, listed with all its entries.
 *
 * Prints the missing exports, then `public exports documented: N of T`; exits 1 when anything is
 * missing. (Not the `N passed, M failed` form: CI sums those lines as test counts.)
 *
 * Usage: `npm run check:docs` (`tsx scripts/checkDocs.ts`).
 */
import ts from 'typescript';
import { relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** The package entries (see `exports` in package.json); plus the folder barrels the root picks from. */
const ENTRIES = [
  'src/index.ts',
  'src/core/index.ts',
  'src/advanced.ts',
  'src/react/index.ts',
  'src/components/index.ts',
  'src/testing/index.ts',
  'src/testing/react.ts',
  'src/emulator/index.ts',
  'src/server/index.ts',
  'src/agents/index.ts',
];

interface ExportedSymbol {
  name: string;
  symbol: ts.Symbol;
  entries: string[];
}

interface Finding {
  name: string;
  where: string;
  entries: string[];
  problems: string[];
}

function loadProgram(): ts.Program {
  const configPath = resolve(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT, undefined, configPath);
  return ts.createProgram({
    rootNames: ENTRIES.map((entry) => resolve(ROOT, entry)),
    options: { ...parsed.options, noEmit: true },
  });
}

function collectExports(program: ts.Program): ExportedSymbol[] {
  const checker = program.getTypeChecker();
  const bySymbol = new Map<ts.Symbol, ExportedSymbol>();
  for (const entry of ENTRIES) {
    const source = program.getSourceFile(resolve(ROOT, entry));
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${entry}: not found or not a module`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const known = bySymbol.get(symbol);
      if (known) known.entries.push(entry);
      else bySymbol.set(symbol, { name: exported.getName(), symbol, entries: [entry] });
    }
  }
  return [...bySymbol.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function commentText(comment: ts.JSDoc['comment']): string {
  if (comment === undefined) return '';
  if (typeof comment === 'string') return comment.trim();
  return comment
    .map((part) => part.text)
    .join('')
    .trim();
}

/** The `/** … *\/` blocks attached to a declaration (a variable's sit on its statement). */
function docsOf(declaration: ts.Declaration): ts.JSDoc[] {
  return ts.getJSDocCommentsAndTags(declaration).filter((node): node is ts.JSDoc => ts.isJSDoc(node));
}

function hasSummary(declaration: ts.Declaration): boolean {
  return docsOf(declaration).some((doc) => commentText(doc.comment) !== '');
}

function hasExample(declaration: ts.Declaration): boolean {
  return docsOf(declaration).some((doc) =>
    (doc.tags ?? []).some((tag) => tag.tagName.text === 'example' && commentText(tag.comment) !== ''),
  );
}

function isValueDeclaration(declaration: ts.Declaration): boolean {
  return (
    ts.isFunctionDeclaration(declaration) ||
    ts.isVariableDeclaration(declaration) ||
    ts.isClassDeclaration(declaration) ||
    ts.isEnumDeclaration(declaration) ||
    ts.isModuleDeclaration(declaration)
  );
}

function isTypeDeclaration(declaration: ts.Declaration): boolean {
  return ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration);
}

function location(declaration: ts.Declaration): string {
  const source = declaration.getSourceFile();
  const { line } = source.getLineAndCharacterOfPosition(declaration.getStart());
  return `${relative(ROOT, source.fileName)}:${line + 1}`;
}

function check(exported: ExportedSymbol): Finding | undefined {
  const declarations = exported.symbol.declarations ?? [];
  const values = declarations.filter(isValueDeclaration);
  const types = declarations.filter(isTypeDeclaration);
  const problems: string[] = [];
  if (declarations.length === 0) problems.push('no declaration found');
  if (values.length > 0) {
    if (!values.some(hasSummary)) problems.push('value without TSDoc');
    else if (!values.some(hasExample)) problems.push('value without @example');
  }
  if (types.length > 0 && !types.some(hasSummary)) problems.push('type without TSDoc');
  if (problems.length === 0) return undefined;
  const first = values[0] ?? types[0] ?? declarations[0];
  const declaredName = exported.symbol.getName();
  return {
    name: declaredName === exported.name ? exported.name : `${exported.name} (declared as ${declaredName})`,
    where: first ? location(first) : '?',
    entries: exported.entries,
    problems,
  };
}

const exportsToCheck = collectExports(loadProgram());
const findings = exportsToCheck.map(check).filter((finding): finding is Finding => finding !== undefined);

if (findings.length > 0) {
  console.log('Public exports missing documentation:\n');
  const byFile = [...findings].sort((a, b) => a.where.localeCompare(b.where, undefined, { numeric: true }));
  for (const finding of byFile) {
    console.log(`  ${finding.where}  ${finding.name}: ${finding.problems.join(', ')}`);
    console.log(`      exported from ${finding.entries.join(', ')}`);
  }
  console.log('');
}
console.log(`public exports documented: ${exportsToCheck.length - findings.length} of ${exportsToCheck.length}`);
process.exitCode = findings.length > 0 ? 1 : 0;
