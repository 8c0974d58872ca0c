import { BETA_SERVER_EVENT_ALIASES, betaNormalizerFor, type BetaEventNormalizer } from './betaAliases.ts';
import { serverEventSchemaFor, SERVER_EVENT_TYPES } from './serverEvents.ts';

/** How to handle one wire `type`: GA names and beta aliases alike, found with one map lookup. */
export interface ServerEventRoute {
  schema: NonNullable<ReturnType<typeof serverEventSchemaFor>>;
  gaType: string;
  /** Only for types that may carry beta shapes (or are beta names); absent on the hot path. */
  normalize: BetaEventNormalizer | undefined;
}

function buildRoutes(): ReadonlyMap<string, ServerEventRoute> {
  const routes = new Map<string, ServerEventRoute>();
  for (const type of SERVER_EVENT_TYPES) {
    routes.set(type, { schema: serverEventSchemaFor(type)!, gaType: type, normalize: betaNormalizerFor(type) });
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
    });
  }
  return routes;
}

const routes = /* @__PURE__ */ buildRoutes();

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
  return routes.get(type);
}
