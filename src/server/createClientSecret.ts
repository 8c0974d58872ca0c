import { validateSessionConfig } from '../core/protocol/validateSessionConfig.ts';
import type { SessionConfig } from '../core/protocol/sessionConfig.ts';
import { apiErrorMessage } from '../core/openaiApi/apiErrorMessage.ts';
import { normalizeSecret, unsafeSecretCharacter } from '../core/openaiApi/normalizeSecret.ts';
import { redactError, redactSecrets } from '../core/openaiApi/redactSecrets.ts';

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
 * Why {@link createClientSecret} failed:
 * - `invalid_api_key`: `apiKey` holds a character an HTTP header cannot carry (a line break, NUL,
 *   a space inside, a non-ASCII character), usually from how the environment variable was loaded.
 *   Nothing was sent.
 * - `http_error`: the API answered with an error status (`status`, `body`).
 * - `invalid_response`: the API answered 2xx with something that is not a key (not JSON, no `value`).
 * - `network_error`: no answer (DNS, TLS, connection reset, a `fetch` that threw); see `cause`.
 * - `aborted`: `signal` aborted the request.
 *
 * @example
 * ```ts
 * const retryable = (code: ClientSecretErrorCode) => code === 'network_error';
 * ```
 */
export type ClientSecretErrorCode = 'invalid_api_key' | 'http_error' | 'invalid_response' | 'network_error' | 'aborted';

/**
 * Minting a key failed; `code` says how, `status` and `body` what the API answered. The message,
 * `body` and `cause` never contain your API key (nor anything that looks like an `sk-`/`ek_`
 * key or a bearer token): they are redacted, since errors get logged and reported.
 *
 * @example
 * ```ts
 * try {
 *   await createClientSecret({ apiKey, session });
 * } catch (error) {
 *   if (error instanceof ClientSecretError && error.status === 401) console.error('Check OPENAI_API_KEY');
 *   else if (error instanceof ClientSecretError && error.code === 'network_error') console.error('OpenAI unreachable', error.cause);
 * }
 * ```
 */
export class ClientSecretError extends Error {
  override readonly name = 'ClientSecretError';
  readonly code: ClientSecretErrorCode;
  /** HTTP status of the API's answer; 0 when there was none. */
  readonly status: number;
  /** The answer's body (redacted), or '' when there was none. */
  readonly body: string;
  /**
   * `new ClientSecretError(status, body)` describes an HTTP error answer (`code: 'http_error'`).
   * `options.message` replaces the message; everything is redacted.
   */
  constructor(
    status: number,
    body: string,
    options: { code?: ClientSecretErrorCode; message?: string; cause?: unknown } = {},
  ) {
    const safeBody = redactSecrets(body);
    const message = options.message ?? `POST /v1/realtime/client_secrets failed with HTTP ${status}: ${apiErrorMessage(safeBody)}`;
    super(redactSecrets(message), options.cause !== undefined ? { cause: redactError(options.cause) } : undefined);
    this.code = options.code ?? 'http_error';
    this.status = status;
    this.body = safeBody;
  }
}

/**
 * Mint an ephemeral Realtime key on your backend. The session config is validated with the
 * kit's schemas first (an `idle_timeout_ms` outside 5000..30000, or on semantic VAD, throws a
 * `RealtimeConfigError` here instead of failing later in the browser), and `type: 'realtime'`
 * is filled in when missing.
 *
 * Whatever fails after that rejects with a {@link ClientSecretError} whose `code` says what
 * happened, and none of them carries the API key. Surrounding whitespace, invisible characters
 * (zero-width spaces) and a `Bearer ` prefix on `apiKey` are ignored.
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
  const apiKey = headerSafeKey(options.apiKey);
  const secrets = [options.apiKey, apiKey];
  const fail = (status: number, body: string, code: ClientSecretErrorCode, message?: string, cause?: unknown) =>
    new ClientSecretError(status, redactSecrets(body, secrets), {
      code,
      ...(message !== undefined ? { message: redactSecrets(message, secrets) } : {}),
      ...(cause !== undefined ? { cause: redactError(cause, secrets) } : {}),
    });

  const url = new URL('/v1/realtime/client_secrets', options.baseUrl ?? 'https://api.openai.com');
  const failed = `POST ${url.pathname} failed`;
  let response: Response;
  let body: string;
  try {
    response = await doFetch(url.toString(), {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ expires_after: { anchor: 'created_at', seconds: expiresAfterSeconds }, session }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    body = await response.text();
  } catch (cause) {
    if (options.signal?.aborted) throw fail(0, '', 'aborted', `${failed}: aborted.`, cause);
    throw fail(0, '', 'network_error', `${failed}: no answer from ${url.origin} (${describeError(cause)}).`, cause);
  }
  if (!response.ok) {
    throw fail(response.status, body, 'http_error', `${failed} with HTTP ${response.status}: ${apiErrorMessage(redactSecrets(body, secrets))}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw fail(response.status, body, 'invalid_response', `${failed}: HTTP ${response.status} with a body that is not JSON (is baseUrl the API?).`);
  }
  const answer = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<ClientSecret> & {
    client_secret?: { value?: unknown; expires_at?: number };
  };
  // Older (beta) responses nest the key under client_secret.
  const value = answer.value ?? answer.client_secret?.value;
  if (typeof value !== 'string' || value === '') {
    throw fail(response.status, body, 'invalid_response', `${failed}: HTTP ${response.status} without a key ("value") in the answer.`);
  }
  return { ...answer, value, expires_at: answer.expires_at ?? answer.client_secret?.expires_at ?? 0 };
}

/**
 * The key as a header carries it (see `normalizeSecret`). Anything else a header cannot hold is
 * refused here, because fetch would throw a TypeError quoting the whole header, key included.
 */
function headerSafeKey(raw: string): string {
  const key = normalizeSecret(raw);
  const unsafe = unsafeSecretCharacter(key);
  if (unsafe) {
    throw new ClientSecretError(0, '', {
      code: 'invalid_api_key',
      message:
        `createClientSecret: apiKey contains ${unsafe}, which an HTTP header cannot carry. ` +
        'Check how OPENAI_API_KEY is loaded (quotes, a CRLF .env file, a pasted key). Nothing was sent.',
    });
  }
  return key;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
