import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

// `@openai/agents-realtime` is an optional peer of react-realtime-kit/agents alone: no other
// entry may import it, and the adapter itself imports only its types, so loading the entry
// without the SDK installed works (only calling it needs an SDK session, which the app makes).
const SRC = resolve(import.meta.dirname, '../../src');
const IMPORT = /(?:^|\n)\s*(import|export)(\s+type)?[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*\(?\s*['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(file: string) {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => ({
    typeOnly: match[2] !== undefined,
    specifier: match[3] ?? match[4] ?? '',
  }));
}

describe('the Agents SDK stays behind react-realtime-kit/agents', () => {
  const files = sourceFiles(SRC);

  test('the scan sees the adapter importing the SDK (so it can see anyone else doing it)', () => {
    const adapter = importsOf(join(SRC, 'agents/createAgentsRealtimeTransport.ts'));
    expect(adapter.some(({ specifier }) => specifier === '@openai/agents-realtime')).toBe(true);
  });

  test('no file outside src/agents imports @openai/agents-realtime', () => {
    const offenders = files
      .filter((file) => !relative(SRC, file).startsWith('agents/'))
      .filter((file) => importsOf(file).some(({ specifier }) => specifier.startsWith('@openai/agents')));
    expect(offenders).toEqual([]);
  });

  test('src/agents imports only types from the SDK, nothing from React, and from the kit only core (no React layer)', () => {
    for (const file of files.filter((path) => relative(SRC, path).startsWith('agents/'))) {
      for (const { typeOnly, specifier } of importsOf(file)) {
        if (specifier.startsWith('@openai/')) expect(typeOnly, `${relative(SRC, file)} imports ${specifier} at runtime`).toBe(true);
        expect(specifier, relative(SRC, file)).not.toMatch(/^react(-dom)?(\/|$)/);
        if (specifier.startsWith('.')) expect(resolve(file, '..', specifier), relative(SRC, file)).toMatch(/\/src\/(agents|core)\//);
      }
    }
  });
});
