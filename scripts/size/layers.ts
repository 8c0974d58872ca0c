/**
 * Where a kit page's bytes go: minified bytes in the output per layer, a layer being a folder
 * of the kit (`core/session`, `components`, ...) or a package the kit imports directly, with
 * the packages it pulls in folded into it (the virtualizer's core goes with the virtualizer).
 */
import type { Metafile } from 'esbuild';

export interface Layer {
  name: string;
  /** Minified bytes in the output. */
  bytes: number;
  /** For a package: the packages folded into it. */
  pulls: string[];
  /** For a package: the kit folders that import it. */
  usedBy: string[];
}

/** `src/core/session/idle/x.ts` → `core/session`; `src/components/IdleBanner/x.tsx` → `components`. */
function kitLayerOf(input: string): string | undefined {
  if (!input.startsWith('src/')) return undefined;
  return /^src\/((?:core\/)?[^/]+)\//.exec(input)?.[1] ?? 'src';
}

/** Who imports a package: the kit layer, or the component (`components/TranscriptView`). */
function kitFolderOf(input: string): string | undefined {
  return /^src\/(components\/[^/]+)\//.exec(input)?.[1] ?? kitLayerOf(input);
}

/** The innermost package of a `node_modules` path. */
function packageOf(input: string): string | undefined {
  return /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
}

export function layersOf(metafile: Metafile): Layer[] {
  // Which packages import each package, and which kit folders.
  const importerPackages = new Map<string, Set<string>>();
  const kitImporters = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };
  for (const [importer, { imports }] of Object.entries(metafile.inputs)) {
    for (const { path, external } of imports) {
      const imported = external ? undefined : packageOf(path);
      if (!imported) continue;
      const folder = kitFolderOf(importer);
      const importerPackage = packageOf(importer);
      if (folder) add(kitImporters, imported, folder);
      else if (importerPackage && importerPackage !== imported) add(importerPackages, imported, importerPackage);
    }
  }
  // A package the kit does not import directly is charged to the nearest one that it does.
  const ownerOf = (name: string): string => {
    const queue = [name];
    const seen = new Set(queue);
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (kitImporters.has(next)) return next;
      for (const importer of importerPackages.get(next) ?? []) {
        if (!seen.has(importer)) {
          seen.add(importer);
          queue.push(importer);
        }
      }
    }
    return name;
  };

  const layers = new Map<string, Layer>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      const dependency = packageOf(input);
      const name = dependency ? ownerOf(dependency) : (kitLayerOf(input) ?? input);
      const layer = layers.get(name) ?? {
        name,
        bytes: 0,
        pulls: [],
        usedBy: [...(kitImporters.get(name) ?? [])].sort(),
      };
      layer.bytes += bytesInOutput;
      if (dependency && dependency !== name && !layer.pulls.includes(dependency)) layer.pulls.push(dependency);
      layers.set(name, layer);
    }
  }
  return [...layers.values()];
}

/** The layers that are packages (their names are what to leave external to weigh them). */
export function packageLayers(layers: readonly Layer[]): Layer[] {
  return layers.filter((layer) => layer.usedBy.length > 0);
}
