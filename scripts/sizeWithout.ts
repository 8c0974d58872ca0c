/**
 * What the kit's pages would weigh without some of their parts: each listed folder of `src/` is
 * replaced by empty stubs (`scripts/size/stubModules.ts`), then the pages of `npm run size` are
 * bundled and weighed the same way. It ships nothing; it shows where a size target's bytes
 * would have to come from.
 *
 * Usage: `npx tsx scripts/sizeWithout.ts <path> [<path> ...]`, each path from the repository
 * root, e.g. `npx tsx scripts/sizeWithout.ts src/core/session/transcript/`. With no path, it
 * prints the options BENCHMARKS.md reports.
 */
import { bundlePage } from './size/bundlePage.ts';
import { kitPages } from './size/pages.ts';
import { stubModules } from './size/stubModules.ts';

// The protocol's modules that build zod schemas or word zod's issues; without them zod leaves
// the bundle. The parsers, the fast path and beta normalization stay.
const ZOD_SCHEMAS = [
  'clientEvents', 'fields', 'issueMessages', 'items', 'response', 'serverEvents', 'sessionConfig',
  'suspendZodJit', 'turnDetection',
].map((name) => `src/core/protocol/${name}.ts`);
const TRANSCRIPT = ['src/core/session/transcript/'];
const WEBRTC = ['src/core/transports/createOpenAIWebRTCTransport.ts'];

const given = process.argv.slice(2);
const options: [string, readonly string[]][] = given.length
  ? [[given.join(' '), given]]
  : [
      ['no transcript', TRANSCRIPT],
      ['no WebRTC transport', WEBRTC],
      ['no zod validation', ZOD_SCHEMAS],
      ['none of the three', [...TRANSCRIPT, ...WEBRTC, ...ZOD_SCHEMAS]],
    ];

for (const page of kitPages) {
  const whole = await bundlePage(page.code);
  console.log(`${page.key}: ${whole.gzip} B gzip`);
  for (const [label, prefixes] of options) {
    const without = await bundlePage(page.code, [], [stubModules(prefixes)]);
    console.log(`  ${label}: ${without.gzip} B (${without.gzip - whole.gzip})`);
  }
}
