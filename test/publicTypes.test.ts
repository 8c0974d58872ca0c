// A user must be able to name the type of anything a public function takes or returns: a type
// a module exports and a public signature names has to be exported from some entry. (Types a
// module keeps to itself, such as a local alias, are inlined by the declarations and stay out.)
import ts from 'typescript';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const ENTRIES = ['src/index.ts', 'src/core/index.ts', 'src/advanced.ts', 'src/testing/index.ts', 'src/testing/react.ts', 'src/emulator/index.ts', 'src/server/index.ts', 'src/agents/index.ts'];

/** Types exported by a module under src/ and named by a public export's declaration, but exported by no entry. */
function unnameableTypes(): string[] {
  const config = ts.readConfigFile(resolve(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(ENTRIES.map((entry) => resolve(ROOT, entry)), { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const resolveAlias = (symbol: ts.Symbol | undefined) =>
    symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const inSrc = (declaration: ts.Declaration) => declaration.getSourceFile().fileName.startsWith(resolve(ROOT, 'src'));
  const isModuleExport = (declaration: ts.Declaration) =>
    ts.canHaveModifiers(declaration) && (ts.getModifiers(declaration) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

  const reachable = new Set<ts.Symbol>();
  const publicSymbols: ts.Symbol[] = [];
  for (const entry of ENTRIES) {
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(resolve(ROOT, entry))!)!;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = resolveAlias(exported)!;
      reachable.add(symbol);
      publicSymbols.push(symbol);
    }
  }
  const missing = new Set<string>();
  const visit = (node: ts.Node, via: string) => {
    if (ts.isBlock(node)) return; // bodies are not signatures
    let named: ts.Symbol | undefined;
    if (ts.isTypeReferenceNode(node)) named = checker.getSymbolAtLocation(node.typeName);
    else if (ts.isExpressionWithTypeArguments(node) && ts.isHeritageClause(node.parent)) named = checker.getSymbolAtLocation(node.expression);
    named = resolveAlias(named);
    const declaration = named?.declarations?.[0];
    if (named && declaration && inSrc(declaration) && isModuleExport(declaration) && !reachable.has(named)) {
      missing.add(`${named.name} (named by ${via})`);
    }
    ts.forEachChild(node, (child) => visit(child, via));
  };
  for (const symbol of publicSymbols) {
    for (const declaration of symbol.declarations ?? []) if (inSrc(declaration)) visit(declaration, symbol.name);
  }
  return [...missing].sort();
}

describe('the public types', () => {
  it('include every exported type a public signature names', () => {
    expect(unnameableTypes()).toEqual([]);
  }, 60_000);
});
