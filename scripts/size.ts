/**
 * Bundle size: what an app ships for a page built with the kit, next to the same page built
 * with the other voice libraries, measured the same way in the same run.
 *
 * Prints `name=gzip bytes` lines (`size_idle_page_gz`, `size_voice_page_gz`, `size_all_gz`, then
 * one per peer page) and rewrites the `## Bundle size` section of BENCHMARKS.md. What a page
 * holds: `scripts/size/pages.ts`; how it is bundled: `scripts/size/bundlePage.ts`; the kit's
 * targets and CI budgets: `scripts/size/kitLimits.ts`.
 *
 * Usage: `npm run size` (`tsx scripts/size.ts [--no-write] [--check]`).
 * - `--no-write`: measure and print, leave BENCHMARKS.md alone.
 * - `--check`: exit 1 when a kit page is over its budget or cannot be bundled.
 */
import { bundlePage } from './size/bundlePage.ts';
import { kitLimits } from './size/kitLimits.ts';
import { layersOf, packageLayers } from './size/layers.ts';
import { kitPages, peerPages, type KitPage, type PeerPage } from './size/pages.ts';
import { sizeSection, writeSizeSection, type KitResult, type PeerResult } from './size/sizeReport.ts';

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

async function measureKitPage(page: KitPage): Promise<KitResult> {
  const limits = kitLimits[page.key];
  try {
    const bundle = await bundlePage(page.code);
    const layers = layersOf(bundle.metafile);
    const packageCosts = new Map<string, number>();
    for (const layer of packageLayers(layers)) {
      const without = await bundlePage(page.code, [layer.name, ...layer.pulls]);
      packageCosts.set(layer.name, bundle.gzip - without.gzip);
    }
    return { page, limits, bundle, layers, packageCosts };
  } catch (error) {
    return { page, limits, layers: [], packageCosts: new Map(), error: firstLine(error) };
  }
}

async function measurePeerPage(page: PeerPage): Promise<PeerResult> {
  try {
    return { page, bundle: await bundlePage(page.code) };
  } catch (error) {
    return { page, error: firstLine(error) };
  }
}

async function main(): Promise<void> {
  const kit: KitResult[] = [];
  for (const page of kitPages) kit.push(await measureKitPage(page));
  const peers: PeerResult[] = [];
  for (const page of peerPages) peers.push(await measurePeerPage(page));

  let overBudget = 0;
  for (const { page, limits, bundle, error } of kit) {
    console.log(`${page.key}=${bundle ? bundle.gzip : 'error'}`);
    if (!bundle) console.error(`  ${page.key}: could not be bundled: ${error}`);
    else if (bundle.gzip > limits.target) console.log(`  ${page.key}: over its target of ${limits.target} B`);
    if (!bundle || bundle.gzip > limits.budget) {
      overBudget += 1;
      if (bundle) console.log(`  ${page.key}: ${bundle.gzip} B is over its budget of ${limits.budget} B`);
    }
  }
  for (const { page, bundle, error } of peers) {
    console.log(`${page.key}=${bundle ? bundle.gzip : 'error'}`);
    // A peer that cannot be bundled keeps its row, with the reason; it fails nothing.
    if (!bundle) console.error(`  ${page.key}: could not be bundled: ${error}`);
  }

  if (!process.argv.includes('--no-write')) writeSizeSection(sizeSection(kit, peers));
  if (process.argv.includes('--check') && overBudget > 0) {
    console.error(`${overBudget} kit page(s) over budget or not bundled: see above`);
    process.exitCode = 1;
  }
}

await main();
