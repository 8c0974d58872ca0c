// The testing docs, run verbatim in a fresh project, as a new user would run them.
//
// 1. Builds the package (unless --skip-build: CI has just built it) and packs it with `npm pack`.
// 2. Checks that every relative link and image in the packed markdown files (README.md, docs/,
//    BENCHMARKS.md) resolves to a file inside the tarball.
// 3. Creates a project in a new temporary directory outside the repository, installs the tarball
//    and the packages the docs tell users to install (README "Install", and the `npm install`
//    lines of the testing docs), at the versions of this repository's lockfile, from the npm
//    registry (`--prefer-offline`: the npm cache serves what it has).
// 4. Writes every ts/tsx block of the testing docs as a file of that project, unchanged: README
//    "Testing your voice UI", docs/react.md "Testing React components", all of docs/testing.md.
//    A block preceded by `<!-- file: path -->` is written at that path (a config, a component);
//    any other block is a test file. Nothing from the repository's own tests is copied.
// 5. Runs `npx vitest run` there; files that pick their own environment with a
//    `// @vitest-environment` comment run a second time with no config, proving the comment
//    alone is enough. The README's demo-mode component (`src/LandingDemo.tsx`) is rendered by
//    one test of this script's own, on fake timers, until the idle banner opens.
//
// Prints `docs examples: N passed, M failed` last and exits 1 on any failure.
// Usage: `npm run test:docs-examples [-- --skip-build] [-- --keep]` (--keep leaves the project).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const started = performance.now();
const args = new Set(process.argv.slice(2));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let passed = 0;
let failed = 0;
const fail = (message) => {
  failed++;
  console.log(`  ✗ ${message}`);
};
const pass = () => passed++;

/** Runs a command; on failure prints its output and throws. */
function run(command, commandArgs, options) {
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    process.stdout.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`${command} ${commandArgs.join(' ')} exited with ${result.status}`);
  }
  return result.stdout;
}

/** This script's own check of the README's demo-mode component, on fake timers. */
const LANDING_DEMO_CHECK = `// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

it('the demo from the README connects by itself, plays until the idle banner opens, and goes on when answered', async () => {
  const { LandingDemo } = await import('../src/LandingDemo.tsx');
  render(<LandingDemo />);
  for (let second = 0; second < 120 && !screen.queryByRole('button', { name: "I'm still here" }); second++) {
    await act(() => vi.advanceTimersByTimeAsync(1000));
  }
  const stillHere = screen.getByRole('button', { name: "I'm still here" });
  expect(stillHere.closest('[role="status"]')?.textContent).toContain('Are you still there?');
  expect(screen.getByRole('log').textContent).toContain('Lisbon');

  // The visitor answers: the banner closes and the assistant welcomes them back.
  fireEvent.click(stillHere);
  await act(() => vi.advanceTimersByTimeAsync(100));
  expect(screen.queryByRole('button', { name: "I'm still here" })).toBeNull();
  const welcome = 'Welcome back! Shall I suggest a dinner place for Saturday too?';
  for (let second = 0; second < 30 && !screen.getByRole('log').textContent?.includes(welcome); second++) {
    await act(() => vi.advanceTimersByTimeAsync(1000));
  }
  expect(screen.getByRole('log').textContent).toContain(welcome);
});
`;

// ---------------------------------------------------------------- markdown

/** Fenced blocks of a markdown file, with the `<!-- file: ... -->` marker above each, if any. */
function readBlocks(file) {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const blocks = [];
  let section = '';
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) section = heading[1].trim();
    const open = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (!open) continue;
    const [, fence, language] = open;
    const body = [];
    let end = index + 1;
    while (end < lines.length && !lines[end].startsWith(fence)) body.push(lines[end++]);
    const marker = /^<!--\s*file:\s*(\S+)\s*-->$/.exec((lines[index - 1] ?? '').trim());
    blocks.push({ file, line: index + 1, section, language, code: `${body.join('\n')}\n`, path: marker?.[1] });
    index = end;
  }
  return blocks;
}

/** The testing docs: which sections of which files must run verbatim. */
const TESTING_DOCS = [
  { file: 'README.md', section: 'Testing your voice UI' },
  { file: 'docs/react.md', section: 'Testing React components' },
  { file: 'docs/testing.md', section: null },
];

const CODE = new Set(['ts', 'tsx', 'typescript']);
const markdownFiles = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`)];
const allBlocks = markdownFiles.flatMap(readBlocks);
const inTestingDocs = (block) =>
  TESTING_DOCS.some((doc) => doc.file === block.file && (doc.section === null || doc.section === block.section));

/** The packages of the `npm install` lines in these blocks. */
const installedBy = (blocks) =>
  blocks
    .filter((block) => block.language === 'sh')
    .flatMap((block) => block.code.split('\n'))
    .filter((line) => /^npm (install|i|add)\s/.test(line.trim()))
    .flatMap((line) => line.trim().split(/\s+/).slice(2).filter((word) => !word.startsWith('-')));

const appPackages = installedBy(allBlocks.filter((block) => block.file === 'README.md' && block.section === 'Install'));
const testPackages = [...new Set(installedBy(allBlocks.filter(inTestingDocs)))];

/** Files to write into the project: marked blocks anywhere, and every code block of the testing docs. */
const projectFiles = new Map();
for (const block of allBlocks) {
  if (!CODE.has(block.language)) continue;
  if (!block.path && !inTestingDocs(block)) continue;
  const extension = block.language === 'tsx' ? 'tsx' : 'ts';
  const path = block.path ?? `doc-tests/${block.file.replace(/\W+/g, '-')}-line-${block.line}.test.${extension}`;
  const earlier = projectFiles.get(path);
  if (earlier && earlier.code !== block.code) {
    fail(`${block.file}:${block.line} and ${earlier.file}:${earlier.line} both write ${path}, differently`);
    continue;
  }
  projectFiles.set(path, block);
}

// ---------------------------------------------------------------- pack and links

/** The anchors GitHub gives a markdown file's headings (github-slugger: duplicates get -1, -2...). */
function headingAnchors(text) {
  const seen = new Map();
  const result = new Set();
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = heading.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

if (!args.has('--skip-build')) {
  console.log('docs examples: building the package');
  run(npm, ['run', 'build'], { cwd: ROOT });
}
if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');

const project = mkdtempSync(join(tmpdir(), 'rrk-docs-examples-'));
let exitCode = 1;
try {
  const [packed] = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', project], { cwd: ROOT }));
  const shipped = new Set(packed.files.map((entry) => entry.path));
  console.log(`docs examples: packed ${packed.filename} (${shipped.size} files) into ${project}`);

  // Every relative link or image in a shipped markdown file must resolve inside the tarball,
  // and a link to a heading (`#anchor`, `react.md#anchor`) must name one that exists.
  const markdown = [...shipped].filter((path) => path.endsWith('.md'));
  const proseOf = (file) => readFileSync(join(ROOT, file), 'utf8').replace(/^(`{3,}|~{3,})[\s\S]*?^\1/gm, '');
  const anchors = new Map(markdown.map((file) => [file, headingAnchors(proseOf(file))]));
  let links = 0;
  for (const file of markdown) {
    const text = proseOf(file);
    const targets = [
      ...[...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]),
      ...[...text.matchAll(/<img\s[^>]*src="([^"]+)"/g)].map((match) => match[1]),
    ];
    for (const target of targets) {
      if (/^[a-z][a-z\d+.-]*:/i.test(target)) continue;
      links++;
      const [pathPart, anchor] = target.split('#');
      const path = pathPart ? posix.normalize(posix.join(posix.dirname(file), decodeURI(pathPart))) : file;
      if (!shipped.has(path)) fail(`${file} links to ${target}, which is not in the package (${path})`);
      else if (anchor !== undefined && anchors.has(path) && !anchors.get(path).has(decodeURI(anchor))) {
        fail(`${file} links to ${target}: ${path} has no heading with that anchor`);
      } else pass();
    }
  }
  console.log(`docs examples: ${links} relative links in the shipped markdown checked`);

  // ---------------------------------------------------------------- the project
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages;
  const pinned = (name) => {
    if (name === 'react-realtime-kit') return `file:./${packed.filename}`;
    const version = lock[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`the docs install ${name}, which this repository's lockfile does not pin`);
    return version;
  };
  if (!appPackages.includes('react-realtime-kit')) fail('README "Install" has no `npm install react-realtime-kit ...` line');
  if (testPackages.length === 0) fail('the testing docs name no packages to install (`npm install -D ...`)');
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify(
      {
        name: 'docs-examples-app',
        private: true,
        type: 'module',
        dependencies: Object.fromEntries(appPackages.map((name) => [name, pinned(name)])),
        devDependencies: Object.fromEntries(testPackages.map((name) => [name, pinned(name)])),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`docs examples: npm install ${[...appPackages, ...testPackages].join(' ')}`);
  run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project });

  for (const [path, block] of projectFiles) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), block.code);
    console.log(`  ${path}  <- ${block.file}:${block.line}`);
  }
  if (projectFiles.has('src/LandingDemo.tsx')) {
    mkdirSync(join(project, 'checks'), { recursive: true });
    writeFileSync(join(project, 'checks/landing-demo.test.tsx'), LANDING_DEMO_CHECK);
    console.log('  checks/landing-demo.test.tsx  (this script: renders src/LandingDemo.tsx until the idle banner opens)');
  }

  // ---------------------------------------------------------------- run
  const vitest = (label, vitestArgs) => {
    const report = join(project, `report-${label}.json`);
    const result = spawnSync(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    // Indented, so a CI summary that adds up Vitest's own "Tests N passed" lines counts this
    // script's closing line only.
    for (const line of `${result.stdout}${result.stderr}`.split('\n')) if (line.trim()) console.log(`  | ${line}`);
    if (!existsSync(report)) return fail(`vitest (${label}) wrote no report: exit code ${result.status}`);
    const { testResults, numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, 'utf8'));
    passed += numPassedTests;
    failed += numFailedTests;
    // A file that failed before any test ran (a syntax error, an import that does not resolve,
    // no test in it) counts as one failure.
    for (const file of testResults) {
      if (file.status === 'failed' && file.assertionResults.length === 0) fail(`${file.name}: ${file.message.split('\n')[0]}`);
    }
    if (result.status !== 0 && numFailedTests === 0 && !testResults.some((file) => file.status === 'failed')) {
      fail(`vitest (${label}) exited with ${result.status}`);
    }
  };
  vitest('docs', []);
  const selfContained = [...projectFiles]
    .filter(([path, block]) => path.endsWith(`.test.${block.language === 'tsx' ? 'tsx' : 'ts'}`) && /^\/\/ @vitest-environment /.test(block.code))
    .map(([path]) => path);
  if (selfContained.length > 0) {
    writeFileSync(join(project, 'no-config.mjs'), 'export default {};\n');
    console.log('docs examples: files with a `// @vitest-environment` comment, again with no config (Node by default)');
    vitest('no-config', ['--config', join(project, 'no-config.mjs'), ...selfContained]);
  }
  exitCode = failed === 0 ? 0 : 1;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  if (args.has('--keep')) console.log(`docs examples: project kept in ${project}`);
  else rmSync(project, { recursive: true, force: true });
}

const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`docs examples: ${passed} passed, ${failed} failed (${seconds} s)`);
process.exitCode = exitCode;
