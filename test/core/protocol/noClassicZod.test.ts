/**
 * `src/core` speaks zod through `zod/mini` only. Classic zod (`import ... from 'zod'`) does not
 * tree-shake: one import of it puts its whole API (about 20 kB gzipped) on every page that uses
 * the kit, and its objects probe `new Function`, which a strict Content-Security-Policy reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const core = join(repo, 'src/core');

/** The zod entries the core may name: the tree-shakable API, and the core it is built on. */
const ALLOWED = new Set(['zod/mini', 'zod/v4/mini', 'zod/v4-mini', 'zod/v4/core']);

/** Every module specifier of zod in a file: static and type imports, re-exports, `import()`, `require()`. */
function zodSpecifiers(source: string): string[] {
  const specifiers: string[] = [];
  // Quotes only: a comment may name an entry in backticks (`en` from `zod/locales`).
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])(zod(?:\/[^'"]*)?)\1/g;
  for (const match of source.matchAll(pattern)) specifiers.push(match[2]!);
  return specifiers;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?[jt]sx?)$/.test(entry.name) ? [path] : [];
  });
}

describe('src/core and zod', () => {
  it('finds every form of a zod import', () => {
    expect(
      zodSpecifiers(
        [
          "import * as z from 'zod';",
          'import { z } from "zod";',
          "import type * as zt from 'zod';",
          "export { string } from 'zod/v4';",
          "const lazy = await import('zod');",
          "const cjs = require('zod/v3');",
          "import * as mini from 'zod/mini';",
          "import 'zodiac';",
          '// the English locale: `en` from `zod/locales`',
        ].join('\n'),
      ),
    ).toEqual(['zod', 'zod', 'zod', 'zod/v4', 'zod', 'zod/v3', 'zod/mini']);
  });

  it('imports zod/mini only, never classic zod', () => {
    const files = sourceFiles(core);
    expect(files.length).toBeGreaterThan(20);
    const classic = files.flatMap((file) =>
      zodSpecifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => !ALLOWED.has(specifier))
        .map((specifier) => `${relative(repo, file)}: '${specifier}'`),
    );
    expect(classic).toEqual([]);
    const mini = files.filter((file) => zodSpecifiers(readFileSync(file, 'utf8')).includes('zod/mini'));
    expect(mini.length).toBeGreaterThan(0);
  });
});
