/**
 * Documentation examples check: every ```ts and ```tsx block in README.md and docs/*.md
 * type-checks against the kit's source.
 *
 * Each block is written to its own file under `.doc-examples/<pid>/` (gitignored, and removed
 * after the run unless `--keep` is given, since `eslint .` would lint it) and made a module (`export {}` is appended when it has no import
 * or export), so blocks never see each other's names. All blocks are checked in one TypeScript
 * program: strict, `jsx: react-jsx`, the module settings of tsconfig.json, and `paths` that map
 * `react-realtime-kit` and its subpath entries to the source entry files under `src/`.
 *
 * Names an example leaves to the reader (`transport`, `session`, `expect`...) come from one
 * ambient prelude, `PRELUDE` below, with real types. Keep it short: never the kit's own exports
 * (an example imports those), only what the reader's app provides.
 *
 * A block that is not meant to compile (pseudo-code, an object shown as data, shell) uses another
 * fence language (```text, ```sh, ```jsonc), which this check skips.
 *
 * Prints `doc examples: N blocks type-checked`; on errors, each as
 * `file:line:column (block at line L): error TSxxxx: message`, and exits 1.
 *
 * Usage: part of `npm run lint`; alone, `tsx scripts/checkDocExamples.ts [--keep]`.
 */
import ts from 'typescript';
import { mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const started = performance.now();
const keep = process.argv.includes('--keep');

/** The markdown files whose examples are checked. */
const MARKDOWN = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

/** Fence languages that are checked, and the extension of the file each becomes. */
const LANGUAGES: Record<string, '.ts' | '.tsx'> = { ts: '.ts', typescript: '.ts', tsx: '.tsx' };

/** The package's entries (package.json `exports`), mapped to their source files. */
const ENTRIES: Record<string, string> = {
  'react-realtime-kit': 'src/index.ts',
  'react-realtime-kit/core': 'src/core/index.ts',
  'react-realtime-kit/advanced': 'src/advanced.ts',
  'react-realtime-kit/testing': 'src/testing/index.ts',
  'react-realtime-kit/testing/react': 'src/testing/react.ts',
  'react-realtime-kit/emulator': 'src/emulator/index.ts',
  'react-realtime-kit/testing/emulator': 'src/emulator/index.ts',
  'react-realtime-kit/server': 'src/server/index.ts',
  'react-realtime-kit/agents': 'src/agents/index.ts',
};

/**
 * The free names examples may use, with their types. A script file (no top-level import), so
 * its `declare module` declares a module rather than augmenting one.
 */
const PRELUDE = `// Written by scripts/checkDocExamples.ts: what the documentation's examples leave to the reader.
/** A transport you created (createOpenAIWebRTCTransport, createMockTransport...). */
declare const transport: import('react-realtime-kit').RealtimeTransport;
/** A session you created with createRealtimeSession. */
declare const session: import('react-realtime-kit').RealtimeSession;
/** The getClientSecret option you pass to a transport, and your call to your token endpoint. */
declare const getClientSecret: () => Promise<string>;
declare function fetchToken(): Promise<string>;
/** Test runner globals (Vitest or Jest). */
declare const it: typeof import('vitest').it;
declare const expect: typeof import('vitest').expect;
/** Your app: analytics, a state setter, a framework-free render function, a design-system toast. */
declare const analytics: { track(event: string, properties?: Record<string, unknown>): void };
declare function setListening(listening: boolean): void;
declare function render(
  items: import('react-realtime-kit').TranscriptState['items'],
  phase: import('react-realtime-kit').IdlePhase,
): void;
declare function MyToast(props: { onAction: () => void; children?: import('react').ReactNode }): import('react').ReactNode;

/** The theme stylesheet (a side-effect import; a bundler handles the CSS). */
declare module 'react-realtime-kit/styles.css';
`;

interface Block {
  /** Markdown file, relative to the root. */
  file: string;
  /** 1-based line of the opening fence. */
  fenceLine: number;
  language: string;
  code: string;
}

function extractBlocks(file: string): Block[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[index] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '```', language = ''] = open;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !(lines[end] ?? '').trimStart().startsWith(fence)) {
      body.push((lines[end] ?? '').slice(indent.length));
      end++;
    }
    if (language in LANGUAGES) blocks.push({ file, fenceLine: index + 1, language, code: body.join('\n') });
    index = end;
  }
  return blocks;
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT, undefined, configPath);
  return {
    ...options,
    strict: true,
    jsx: ts.JsxEmit.ReactJSX,
    noEmit: true,
    // Examples may declare names they do not use; they show an API, not a finished module.
    noUnusedLocals: false,
    // But a callback's unused parameter fails a new Vite React app's own tsconfig (its template
    // sets noUnusedParameters), where users paste these examples.
    noUnusedParameters: true,
    // `import 'react-realtime-kit/styles.css'` must resolve (to the prelude's declaration).
    noUncheckedSideEffectImports: true,
    paths: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, [join(ROOT, path)]])),
  };
}

const blocks = MARKDOWN.flatMap(extractBlocks);
const scratch = join(ROOT, '.doc-examples', String(process.pid));
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });

try {
  const preludePath = join(scratch, 'prelude.d.ts');
  writeFileSync(preludePath, PRELUDE);
  const byPath = new Map<string, Block>();
  for (const block of blocks) {
    const name = `${block.file.replace(/[/.]/g, '_')}_L${block.fenceLine}${LANGUAGES[block.language]}`;
    const path = join(scratch, name);
    const isModule = /^\s*(import|export)\s/m.test(block.code);
    writeFileSync(path, isModule ? `${block.code}\n` : `${block.code}\nexport {};\n`);
    byPath.set(path, block);
  }

  const program = ts.createProgram({ rootNames: [preludePath, ...byPath.keys()], options: compilerOptions() });
  const diagnostics: ts.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const path of [preludePath, ...byPath.keys()]) {
    const source = program.getSourceFile(path);
    if (!source) throw new Error(`${path}: not in the program`);
    diagnostics.push(...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source));
  }

  for (const diagnostic of diagnostics) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n    ');
    const code = `error TS${diagnostic.code}: ${message}`;
    const block = diagnostic.file && byPath.get(diagnostic.file.fileName);
    if (diagnostic.file && diagnostic.start !== undefined) {
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      if (block) {
        console.log(`${block.file}:${block.fenceLine + 1 + line}:${character + 1} (block at line ${block.fenceLine}): ${code}`);
      } else {
        console.log(`${relative(ROOT, diagnostic.file.fileName)}:${line + 1}:${character + 1}: ${code}`);
      }
    } else {
      console.log(code);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (diagnostics.length > 0) {
    const failed = new Set(diagnostics.map((diagnostic) => diagnostic.file?.fileName)).size;
    console.log(`\ndoc examples: ${diagnostics.length} errors in ${failed} of ${blocks.length} blocks (${seconds} s)`);
    process.exitCode = 1;
  } else {
    console.log(`doc examples: ${blocks.length} blocks type-checked (${seconds} s)`);
  }
} finally {
  if (keep) console.log(`scratch files kept in ${relative(ROOT, scratch)}/`);
  else {
    rmSync(scratch, { recursive: true, force: true });
    // The parent too, unless another run is using it.
    try {
      rmdirSync(join(ROOT, '.doc-examples'));
    } catch {
      // not empty, or already gone
    }
  }
}
