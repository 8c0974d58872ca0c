import { RealtimeConfigError, validateSessionConfig } from '../core/protocol/index.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createEmulatorSession, type EmulatorSessionOptions } from './createEmulatorSession.ts';
import { emulatorId } from './emulatorIds.ts';
import { createWebRTCCall, type WebRTCCall } from './createWebRTCCall.ts';
import type { EmulatorToolCall } from './emulatorToolCalls.ts';

/** Which emulated session a client event arrived on. */
export interface EmulatorConnectionInfo {
  /** Unique per session: the WebRTC call's id (`rtc_...`) or `ws_...` for a WebSocket. */
  id: string;
  transport: 'websocket' | 'webrtc';
}

/** Options of {@link createRealtimeEmulator}, which has an example. All optional. */
export interface RealtimeEmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** The standard key `client_secrets` requires. Default: any bearer token is accepted there. */
  apiKey?: string;
  /** What the assistant says; see `defaultEmulatorScript`. */
  script?: EmulatorSessionOptions['script'];
  /** Pause between streamed deltas. Default 40 ms. */
  streamIntervalMs?: number;
  /** Multiplies idle timeouts (tests). Default 1: real semantics. */
  idleTimeScale?: number;
  /**
   * Client function calls every session makes, each once, in answer to user turns (only while
   * the session declares the tool); the follow-up waits for the output and `response.create`.
   * Default: none.
   */
  toolCalls?: readonly EmulatorToolCall[];
  /** Every valid client event each session receives, e.g. to assert what a page sent. */
  onClientEvent?(event: Record<string, unknown>, connection: EmulatorConnectionInfo): void;
  /** Log lines (connections, client events, timeouts). Default: silent. */
  log?(line: string): void;
}

/** A running emulator. */
export interface RealtimeEmulator {
  /** HTTP origin, e.g. `http://127.0.0.1:43125`: the transports' `baseUrl`, the key helper's `baseUrl`. */
  readonly url: string;
  /** WebSocket endpoint, e.g. `ws://127.0.0.1:43125/v1/realtime`: the WebSocket transport's `url`. */
  readonly wsUrl: string;
  readonly port: number;
  /** Mint an ephemeral key directly (what `POST /v1/realtime/client_secrets` does). */
  createClientSecret(session?: Record<string, unknown>, expiresAfterSeconds?: number): { value: string; expires_at: number };
  /** Open WebSocket and WebRTC sessions. */
  readonly openSessions: number;
  close(): Promise<void>;
}

interface KeyRecord {
  session: Record<string, unknown> | undefined;
  expiresAt: number;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  // X-OpenAI-Agents-SDK: the Agents SDK's WebRTC transport sends it with its SDP offer.
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, OpenAI-Beta, X-OpenAI-Agents-SDK',
  'Access-Control-Expose-Headers': 'Location',
  'Access-Control-Max-Age': '600',
};

/**
 * Start a local stand-in for the Realtime API on loopback, to develop and test without an API
 * key or network: `POST /v1/realtime/client_secrets` issues `ek_` keys, `/v1/realtime` takes
 * WebSocket sessions authenticated through the subprotocols (a wrong key gets an
 * `invalid_api_key` error event and a close, as from the real API), and
 * `POST /v1/realtime/calls` answers WebRTC offers. Every session validates client events with
 * the kit's schemas, detects speech by energy, answers with scripted replies and implements
 * `idle_timeout_ms` (see `createEmulatorSession`). CORS is open, for pages on other ports.
 *
 * Node only. WebRTC needs the optional `werift` and `opusscript` packages, loaded on the first
 * call; WebSocket needs `ws`.
 *
 * @example
 * ```ts
 * import { createRealtimeEmulator } from 'react-realtime-kit/emulator';
 *
 * const emulator = await createRealtimeEmulator({ port: 8787 });
 * // transports: { baseUrl: emulator.url } (WebRTC) or { url: emulator.wsUrl } (WebSocket)
 * await emulator.close();
 * ```
 */
export async function createRealtimeEmulator(options: RealtimeEmulatorOptions = {}): Promise<RealtimeEmulator> {
  const log = options.log ?? (() => undefined);
  const keys = new Map<string, KeyRecord>();
  const sockets = new Set<WebSocket>();
  const calls = new Map<string, WebRTCCall>();
  const sessionOptions = (connection: EmulatorConnectionInfo) => ({
    ...(options.script ? { script: options.script } : {}),
    ...(options.toolCalls ? { toolCalls: options.toolCalls } : {}),
    ...(options.onClientEvent ? { onClientEvent: (event: Record<string, unknown>) => options.onClientEvent?.(event, connection) } : {}),
    ...(options.streamIntervalMs !== undefined ? { streamIntervalMs: options.streamIntervalMs } : {}),
    ...(options.idleTimeScale !== undefined ? { idleTimeScale: options.idleTimeScale } : {}),
    log,
  });

  const mint = (session?: Record<string, unknown>, seconds = 600) => {
    const value = emulatorId('ek');
    const expiresAt = Math.floor(Date.now() / 1000) + seconds;
    keys.set(value, { session, expiresAt });
    return { value, expires_at: expiresAt };
  };

  /** The session bound to a key, `null` for the standard key, or undefined when the key is no good. */
  const authorize = (key: string | null): KeyRecord | null | undefined => {
    if (!key) return undefined;
    if (options.apiKey && key === options.apiKey) return null;
    const record = keys.get(key);
    if (!record || record.expiresAt * 1000 < Date.now()) return undefined;
    return record;
  };

  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      log(`error: ${String(error)}`);
      if (!response.headersSent) sendJson(response, 500, apiError(String(error), 'server_error', null));
      else response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS_HEADERS).end();
      return;
    }
    if (request.method === 'POST' && url.pathname === '/v1/realtime/client_secrets') {
      const bearer = bearerOf(request);
      if (!bearer || (options.apiKey && bearer !== options.apiKey)) {
        sendJson(response, 401, apiError(invalidKeyMessage(bearer), 'invalid_request_error', 'invalid_api_key'));
        return;
      }
      let body: { expires_after?: { seconds?: number }; session?: unknown };
      try {
        body = JSON.parse(await readBody(request)) as typeof body;
      } catch {
        sendJson(response, 400, apiError('We could not parse the JSON body of your request.', 'invalid_request_error', null));
        return;
      }
      const seconds = body.expires_after?.seconds ?? 600;
      if (!Number.isInteger(seconds) || seconds < 10 || seconds > 7200) {
        sendJson(response, 400, apiError('expires_after.seconds must be between 10 and 7200.', 'invalid_request_error', 'invalid_value', 'expires_after.seconds'));
        return;
      }
      let session: Record<string, unknown> | undefined;
      try {
        session = body.session === undefined ? undefined : (validateSessionConfig(body.session) as Record<string, unknown>);
      } catch (error) {
        const param = error instanceof RealtimeConfigError ? error.issues[0]?.path : undefined;
        sendJson(response, 400, apiError(String((error as Error).message), 'invalid_request_error', 'invalid_value', param ? `session.${param}` : null));
        return;
      }
      const key = mint(session, seconds);
      // The reported session is what a session with this key would start with.
      const preview = createEmulatorSession({ transport: 'websocket', send: () => undefined, ...(session ? { session } : {}) });
      sendJson(response, 200, { ...key, session: preview.config });
      preview.close();
      return;
    }
    if (request.method === 'POST' && url.pathname === '/v1/realtime/calls') {
      const bearer = bearerOf(request);
      const record = authorize(bearer);
      if (record === undefined) {
        sendJson(response, 401, apiError(invalidKeyMessage(bearer), 'invalid_request_error', 'invalid_api_key'));
        return;
      }
      const offer = await readBody(request);
      if (!offer.startsWith('v=0')) {
        sendJson(response, 400, apiError('The request body must be an SDP offer (Content-Type: application/sdp).', 'invalid_request_error', 'invalid_offer'));
        return;
      }
      const id = emulatorId('rtc');
      const answerStarted = Date.now();
      const call = await createWebRTCCall(offer, { ...sessionOptions({ id, transport: 'webrtc' }), ...(record?.session ? { session: record.session } : {}) });
      calls.set(id, call);
      log(`webrtc call ${id} answered in ${Date.now() - answerStarted} ms`);
      response.writeHead(201, { ...CORS_HEADERS, 'Content-Type': 'application/sdp', Location: `/v1/realtime/calls/${id}` });
      response.end(call.answer);
      return;
    }
    const hangup = /^\/v1\/realtime\/calls\/([^/]+)\/hangup$/.exec(url.pathname);
    if (request.method === 'POST' && hangup) {
      const call = calls.get(hangup[1] ?? '');
      call?.close();
      calls.delete(hangup[1] ?? '');
      sendJson(response, call ? 200 : 404, call ? {} : apiError('Call not found.', 'invalid_request_error', 'not_found'));
      return;
    }
    if (request.method === 'GET' && (url.pathname === '/' || url.pathname === '/health')) {
      sendJson(response, 200, { ok: true, name: 'react-realtime-kit emulator', websocket: '/v1/realtime', webrtc: '/v1/realtime/calls' });
      return;
    }
    sendJson(response, 404, apiError(`Unknown path ${url.pathname}`, 'invalid_request_error', 'not_found'));
  }

  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
  });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/v1/realtime') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const key = keyFromProtocols(request.headers['sec-websocket-protocol']) ?? bearerOf(request);
      const record = authorize(key);
      if (record === undefined) {
        // The real API accepts the upgrade, then reports the bad key and closes.
        ws.send(
          JSON.stringify({
            type: 'error',
            event_id: emulatorId('event'),
            error: { type: 'invalid_request_error', code: 'invalid_api_key', message: invalidKeyMessage(key), param: null, event_id: null },
          }),
        );
        ws.close(3000, 'invalid_api_key');
        return;
      }
      sockets.add(ws);
      log(`websocket session (${sockets.size} open)`);
      const session = createEmulatorSession({
        ...sessionOptions({ id: emulatorId('ws'), transport: 'websocket' }),
        ...(record?.session ? { session: record.session } : {}),
        transport: 'websocket',
        send: (event) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
        },
      });
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        session.receive(String(data));
      });
      ws.on('close', () => {
        session.close();
        sockets.delete(ws);
      });
      session.start();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';

  return {
    url: `http://${host}:${port}`,
    wsUrl: `ws://${host}:${port}/v1/realtime`,
    port,
    createClientSecret: mint,
    get openSessions() {
      return sockets.size + [...calls.values()].filter((call) => !call.closed).length;
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      for (const call of calls.values()) call.close();
      calls.clear();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function bearerOf(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1]?.trim() ?? null;
}

function keyFromProtocols(header: string | undefined): string | null {
  const prefix = 'openai-insecure-api-key.';
  const entry = header
    ?.split(',')
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix));
  return entry ? entry.slice(prefix.length) : null;
}

/** Keys shorter than this are masked whole: a prefix of them would be too much of the key. */
const MIN_KEY_LENGTH_TO_SHOW_PREFIX = 24;

function invalidKeyMessage(key: string | null): string {
  if (!key) return 'You did not provide an API key.';
  // The API shows the end of a refused key too; the emulator's answers end up in test logs and
  // issue reports, so it shows only which kind of key it was, never enough of it to matter.
  const shown = key.length >= MIN_KEY_LENGTH_TO_SHOW_PREFIX ? `${key.slice(0, 6)}***` : '***';
  return `Incorrect API key provided: ${shown}. The emulator accepts keys from POST /v1/realtime/client_secrets.`;
}

function apiError(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, code, param } };
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1024 * 1024) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
