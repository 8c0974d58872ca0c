import { useEffect, useInsertionEffect, useRef } from 'react';
import type { AnyClientTool, ClientToolDeclaration, RealtimeSession } from '../core/session/types.ts';
import { useRequiredSession } from './useRequiredSession.ts';

/** Options of {@link useClientTool}. */
export interface UseClientToolOptions {
  /** Register with this session instead of the provider's. */
  session?: RealtimeSession;
  /** Set false to remove the tool without unmounting. Default true. */
  enabled?: boolean;
}

// The declaration's text by declaration object: a tool defined at module level is compared by
// identity after its first render, one defined inline is stringified once per render (what the
// model sees is all that decides whether to declare it again).
const declarationKeys = new WeakMap<ClientToolDeclaration, string>();

function declarationKeyOf(declaration: ClientToolDeclaration): string {
  let key = declarationKeys.get(declaration);
  if (key === undefined) {
    key = JSON.stringify(declaration);
    declarationKeys.set(declaration, key);
  }
  return key;
}

/**
 * Run a client tool (made with `defineTool`) while this component is mounted: it is registered
 * with the session (`session.registerTool`) on mount and removed on unmount, so the model can
 * call it only while the part of the page it acts on is there.
 *
 * The latest `tool` is the one that runs: define it inline, closing over state and setters, and
 * each call runs the `execute` of the last render. A re-render registers nothing again unless
 * the tool changed otherwise: what the model sees (its name, description or JSON Schema, compared
 * by the content of `tool.declaration`) or its `timeoutMs`. Tools registered or removed in the same
 * commit reach the server in one `session.update`. Safe in StrictMode and on the server (nothing
 * registers before the component mounts in a browser).
 *
 * Keep the schema at module level (`defineTool` converts each schema object to JSON Schema once).
 *
 * @example
 * ```tsx
 * const showWeatherArgs = z.object({ city: z.string() });
 *
 * function WeatherCard() {
 *   const [weather, setWeather] = useState<{ city: string; tempC: number } | null>(null);
 *   useClientTool(
 *     defineTool({
 *       name: 'show_weather',
 *       description: 'Show the weather for a city on the card.',
 *       parameters: showWeatherArgs,
 *       execute: async ({ city }, { signal }) => {
 *         const next = await fetchWeather(city, signal);
 *         setWeather(next);
 *         return next;
 *       },
 *     }),
 *   );
 *   return <p>{weather ? `${weather.city}: ${weather.tempC} °C` : 'Ask for the weather.'}</p>;
 * }
 * ```
 */
export function useClientTool(tool: AnyClientTool, options?: UseClientToolOptions): void {
  const session = useRequiredSession(options?.session, 'useClientTool');
  const enabled = options?.enabled ?? true;
  const latest = useRef(tool);
  // Before any effect of the commit: a call that an effect sets off already finds this render's tool.
  useInsertionEffect(() => {
    latest.current = tool;
  });
  const declarationKey = `${String(tool.timeoutMs)} ${declarationKeyOf(tool.declaration)}`;

  useEffect(() => {
    if (!enabled) return undefined;
    // One registration for as long as the declaration holds: a copy of the tool as it was
    // declared (what the session keys it by must not change under it), whose `execute` runs the
    // latest render's. Copied with its descriptors, so a frozen tool or a hidden property copies too.
    const current = latest.current;
    const execute: AnyClientTool['execute'] = (args, context) => latest.current.execute(args, context);
    const properties: PropertyDescriptorMap = { ...Object.getOwnPropertyDescriptors(current), execute: { value: execute, enumerable: true } };
    const registered = Object.create(Object.getPrototypeOf(current) as object, properties) as AnyClientTool;
    return session.registerTool(registered);
    // `declarationKey` stands for the tool: a new object with the same declaration is the same tool.
  }, [session, enabled, declarationKey]);
}
