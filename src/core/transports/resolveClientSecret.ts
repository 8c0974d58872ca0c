import { normalizeSecret, unsafeSecretCharacter } from '../openaiApi/normalizeSecret.ts';
import { RealtimeTransportError } from '../transport/RealtimeTransportError.ts';
import { redactError, redactSecrets } from '../openaiApi/redactSecrets.ts';

/**
 * Where a transport gets its key: an ephemeral `ek_...` string, or the `{ value }` object the
 * `client_secrets` endpoint returns, directly or through a promise (usually a fetch to your backend).
 */
export type ClientSecretSource = () => string | { value: string } | Promise<string | { value: string }>;

/** Options of {@link resolveClientSecret}: the transports pass their own through. */
export interface ResolveClientSecretOptions {
  /**
   * Accept a standard `sk-` key where the guard would refuse it: a page (anyone who opens
   * devtools can then read the key), a worker, React Native, or a server runtime that
   * {@link isServerRuntime} does not recognise and takes for a worker (there the key stays on
   * your server, and this is safe).
   */
  dangerouslyAllowApiKeyInBrowser?: boolean;
  /**
   * Overrides the runtime detection (tests): `true` guards as on a client, `false` treats the
   * runtime as a server, where the server's own `sk-` key is accepted.
   */
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

interface RuntimeGlobals {
  window?: unknown;
  document?: unknown;
  Deno?: unknown;
  EdgeRuntime?: unknown;
  navigator?: { userAgent?: unknown };
  process?: { versions?: { node?: unknown } };
}

/**
 * True on a server runtime that is not rendering a page: Node, Bun, Deno (also Deno 1.x, which
 * defined a global `window`), Cloudflare Workers and the Vercel / Next.js edge runtime. These
 * are the only places where the browser transports accept a standard `sk-` key without the
 * opt-out. Anything else (a page, also under jsdom or in an Electron renderer; a web worker;
 * React Native) is a client, since whatever runs there can be read by its user.
 *
 * @example
 * ```ts
 * isServerRuntime(); // true in Node
 * isServerRuntime({ self: {}, navigator: {} }); // false: a worker
 * ```
 */
export function isServerRuntime(scope: object = globalThis): boolean {
  const g = scope as RuntimeGlobals;
  // A document is a page, whatever else is there (Node's process in Electron or under jsdom).
  if (g.document !== undefined) return false;
  if (typeof g.Deno === 'object' && g.Deno !== null) return true;
  // Edge runtimes look like web workers; they name themselves.
  if (typeof g.EdgeRuntime === 'string' || g.navigator?.userAgent === 'Cloudflare-Workers') return true;
  // React Native defines a window without a document.
  if (g.window !== undefined) return false;
  return typeof g.process?.versions?.node === 'string';
}

/**
 * Call `getClientSecret` and return the key, cleaned (invisible characters, surrounding
 * whitespace and a `Bearer ` prefix removed). A standard API key (`sk-...`) is refused
 * everywhere but on a server runtime (see {@link isServerRuntime}), unless the caller opted in
 * by name: a key shipped to a page, a worker or an app is a key published. Errors never contain
 * the key.
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
    throw new RealtimeTransportError('client_secret_failed', `getClientSecret failed: ${redactSecrets(describe(error))}`, {
      cause: redactError(error),
    });
  }
  const raw = typeof result === 'string' ? result : result?.value;
  const key = typeof raw === 'string' ? normalizeSecret(raw) : '';
  if (key === '') {
    throw new RealtimeTransportError(
      'client_secret_failed',
      'getClientSecret returned no key: expected an "ek_..." string or an object with a "value" string.',
    );
  }
  const client = options.isBrowser ?? !isServerRuntime();
  if (client && key.startsWith('sk-') && !options.dangerouslyAllowApiKeyInBrowser) {
    throw new RealtimeTransportError(
      'api_key_in_browser',
      'A standard OpenAI API key ("sk-...") was given to a browser transport outside a server. Mint an ephemeral ' +
        'key on your server (see createClientSecret in react-realtime-kit/server) and return its "ek_..." value ' +
        'instead. To accept the risk (a local experiment, or an edge runtime where the key stays on your server), ' +
        'set dangerouslyAllowApiKeyInBrowser: true.',
    );
  }
  const unsafe = unsafeSecretCharacter(key);
  if (unsafe) {
    throw new RealtimeTransportError(
      'client_secret_failed',
      `getClientSecret returned a key with ${unsafe}, which a request header cannot carry. Return the "value" of the client secret as it is.`,
    );
  }
  return key;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
