import { BETA_SERVER_EVENT_ALIASES, betaNormalizerFor, type BetaEventNormalizer } from './betaAliases.ts';
import { fastCheckFor, type FastCheck } from './serverEventFastPath.ts';
import { serverEventSchemaFor, SERVER_EVENT_TYPES } from './serverEvents.ts';

/** How to handle one wire `type`: GA names and beta aliases alike, found with one map lookup. */
export interface ServerEventRoute {
  schema: NonNullable<ReturnType<typeof serverEventSchemaFor>>;
  gaType: string;
  /** Only for types that may carry beta shapes (or are beta names); absent on the hot path. */
  normalize: BetaEventNormalizer | undefined;
  /** A hand-written check that accepts exactly what `schema` accepts, for the busiest types. */
  fast: FastCheck | undefined;
}

function buildRoutes(): ReadonlyMap<string, ServerEventRoute> {
  const routes = new Map<string, ServerEventRoute>();
  for (const type of SERVER_EVENT_TYPES) {
    routes.set(type, { schema: serverEventSchemaFor(type)!, gaType: type, normalize: betaNormalizerFor(type), fast: fastCheckFor(type) });
  }
  for (const [betaType, gaType] of Object.entries(BETA_SERVER_EVENT_ALIASES)) {
    const nested = betaNormalizerFor(gaType);
    routes.set(betaType, {
      schema: serverEventSchemaFor(gaType)!,
      gaType,
      normalize: (event) => {
        const renamed = { ...event, type: gaType };
        return nested ? nested(renamed) : renamed;
      },
      fast: fastCheckFor(gaType),
    });
  }
  return routes;
}

/**
 * The routes grouped by the length of their wire type. A message's `type` is a string JSON.parse
 * made anew, so a map lookup must hash it every time; comparing it with the few known types of
 * the same length costs about half as much.
 */
function byLength(routes: ReadonlyMap<string, ServerEventRoute>): (readonly [string, ServerEventRoute][] | undefined)[] {
  const buckets: [string, ServerEventRoute][][] = [];
  for (const [type, route] of routes) (buckets[type.length] ??= []).push([type, route]);
  return buckets;
}

const buckets = /* @__PURE__ */ byLength(/* @__PURE__ */ buildRoutes());
const AUDIO_DELTA = 'response.output_audio.delta';
const audioDeltaRoute = /* @__PURE__ */ findRoute(AUDIO_DELTA);

function findRoute(type: string): ServerEventRoute | undefined {
  const bucket = buckets[type.length];
  if (bucket === undefined) return undefined;
  for (let i = 0; i < bucket.length; i++) {
    const entry = bucket[i]!;
    if (entry[0] === type) return entry[1];
  }
  return undefined;
}

/**
 * The route for one wire `type` (a GA name or a beta alias), or undefined for a type the kit
 * does not know. Internal to `parseServerEvent`.
 *
 * @example
 * ```ts
 * serverEventRoute('response.text.delta')?.gaType; // 'response.output_text.delta'
 * ```
 */
export function serverEventRoute(type: string): ServerEventRoute | undefined {
  // Two thirds of a voice session's messages: one string comparison.
  return type === AUDIO_DELTA ? audioDeltaRoute : findRoute(type);
}
