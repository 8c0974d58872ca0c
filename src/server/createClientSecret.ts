import { validateSessionConfig } from '../core/protocol/validateSessionConfig.ts';
import type { SessionConfig } from '../core/protocol/sessionConfig.ts';
import { apiErrorMessage } from '../core/transports/apiErrorMessage.ts';

/** What `POST /v1/realtime/client_secrets` returns: hand `value` to the browser. */
export interface ClientSecret {
  /** The ephemeral key, `ek_...`. */
  value: string;
  /** Unix seconds after which the key no longer opens a session. */
  expires_at: number;
  /** The session the key is bound to, as the server accepted it. */
  session?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Options of {@link createClientSecret}, which has an example. */
export interface CreateClientSecretOptions {
  /** Your standard API key (`sk-...`). Server-side only: never send it to a browser. */
  apiKey: string;
  /** Session config bound to the key (model, voice, turn detection with `idle_timeout_ms`...). Validated before sending. */
  session: SessionConfig;
  /** Key lifetime, 10..7200 seconds. Default 600. */
  expiresAfterSeconds?: number;
  /** Default: the global `fetch` (browsers, Node 20.19+). */
  fetch?: typeof fetch;
  /** API origin. Default `https://api.openai.com`; point it at the emulator in development. */
  baseUrl?: string;
  signal?: AbortSignal;
}

/**
 * The API refused to mint a key; `status` and `body` say why.
 *
 * @example
 * ```ts
 * try {
 *   await createClientSecret({ apiKey, session });
 * } catch (error) {
 *   if (error instanceof ClientSecretError && error.status === 401) console.error('Check OPENAI_API_KEY');
 * }
 * ```
 */
export class ClientSecretError extends Error {
  override readonly name = 'ClientSecretError';
  readonly status: number;
  readonly body: string;
  constructor(status: number, body: string) {
    super(`POST /v1/realtime/client_secrets failed with HTTP ${status}: ${apiErrorMessage(body)}`);
    this.status = status;
    this.body = body;
  }
}

/**
 * Mint an ephemeral Realtime key on your backend. The session config is validated with the
 * kit's schemas first (an `idle_timeout_ms` outside 5000..30000, or on semantic VAD, throws a
 * `RealtimeConfigError` here instead of failing later in the browser), and `type: 'realtime'`
 * is filled in when missing.
 *
 * @example
 * ```ts
 * // app/api/realtime-token/route.ts
 * import { createClientSecret } from 'react-realtime-kit/server';
 *
 * export async function POST() {
 *   const secret = await createClientSecret({
 *     apiKey: process.env.OPENAI_API_KEY!,
 *     session: {
 *       type: 'realtime',
 *       model: 'gpt-realtime',
 *       audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 } } },
 *     },
 *   });
 *   return new Response(secret.value);
 * }
 * ```
 */
export async function createClientSecret(options: CreateClientSecretOptions): Promise<ClientSecret> {
  if (!options.apiKey) throw new TypeError('createClientSecret: apiKey is required.');
  const expiresAfterSeconds = options.expiresAfterSeconds ?? 600;
  if (!Number.isInteger(expiresAfterSeconds) || expiresAfterSeconds < 10 || expiresAfterSeconds > 7200) {
    throw new RangeError('createClientSecret: expiresAfterSeconds must be an integer from 10 to 7200.');
  }
  const session = validateSessionConfig({ type: 'realtime', ...options.session });
  const doFetch = options.fetch ?? globalThis.fetch;
  if (!doFetch) throw new TypeError('createClientSecret: no fetch available; pass options.fetch.');

  const url = new URL('/v1/realtime/client_secrets', options.baseUrl ?? 'https://api.openai.com');
  const response = await doFetch(url.toString(), {
    method: 'POST',
    headers: { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ expires_after: { anchor: 'created_at', seconds: expiresAfterSeconds }, session }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const body = await response.text();
  if (!response.ok) throw new ClientSecretError(response.status, body);
  const parsed = JSON.parse(body) as Partial<ClientSecret> & { client_secret?: { value?: string; expires_at?: number } };
  // Older (beta) responses nest the key under client_secret.
  const value = parsed.value ?? parsed.client_secret?.value;
  if (typeof value !== 'string') throw new ClientSecretError(response.status, `no key in the response: ${body.slice(0, 200)}`);
  return { ...parsed, value, expires_at: parsed.expires_at ?? parsed.client_secret?.expires_at ?? 0 };
}
