import { RealtimeTransportError } from './RealtimeTransportError.ts';

/**
 * Where a transport gets its key: an ephemeral `ek_...` string, or the `{ value }` object the
 * `client_secrets` endpoint returns, directly or through a promise (usually a fetch to your backend).
 */
export type ClientSecretSource = () => string | { value: string } | Promise<string | { value: string }>;

/** Options of {@link resolveClientSecret}: the transports pass their own through. */
export interface ResolveClientSecretOptions {
  /** Accept a standard `sk-` key in a browser. Anyone who opens devtools can then read it. */
  dangerouslyAllowApiKeyInBrowser?: boolean;
  /** Overrides browser detection (tests). */
  isBrowser?: boolean;
}

/**
 * True in a page (a window with a document); false in Node, workers, SSR.
 *
 * @example
 * ```ts
 * if (!isBrowserEnvironment()) return null; // render nothing on the server
 * ```
 */
export function isBrowserEnvironment(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

/**
 * Call `getClientSecret` and return the key, refusing a standard API key in a browser unless the
 * caller opted in by name: a key shipped to a page is a key published.
 *
 * @example
 * ```ts
 * const key = await resolveClientSecret(async () => (await fetch('/token')).text());
 * ```
 */
export async function resolveClientSecret(
  getClientSecret: ClientSecretSource,
  options: ResolveClientSecretOptions = {},
): Promise<string> {
  let result: string | { value: string };
  try {
    result = await getClientSecret();
  } catch (error) {
    throw new RealtimeTransportError('client_secret_failed', `getClientSecret failed: ${describe(error)}`, {
      cause: error,
    });
  }
  const key = typeof result === 'string' ? result : result?.value;
  if (typeof key !== 'string' || key.trim() === '') {
    throw new RealtimeTransportError(
      'client_secret_failed',
      'getClientSecret returned no key: expected an "ek_..." string or an object with a "value" string.',
    );
  }
  const trimmed = key.trim();
  const inBrowser = options.isBrowser ?? isBrowserEnvironment();
  if (inBrowser && trimmed.startsWith('sk-') && !options.dangerouslyAllowApiKeyInBrowser) {
    throw new RealtimeTransportError(
      'api_key_in_browser',
      'A standard OpenAI API key ("sk-...") was given to a browser transport. Mint an ephemeral key on your ' +
        'server (see createClientSecret in react-realtime-kit/server) and return its "ek_..." value instead. ' +
        'To accept the risk for a local experiment, set dangerouslyAllowApiKeyInBrowser: true.',
    );
  }
  return trimmed;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
