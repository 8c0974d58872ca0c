import { describe, expect, it } from 'vitest';
import { RealtimeTransportError } from '../../../src/core/transport/RealtimeTransportError.ts';
import { isServerRuntime, resolveClientSecret } from '../../../src/core/transports/resolveClientSecret.ts';

// The browser transports refuse a standard API key wherever they resolve a client secret, except
// on a server runtime, and see through the disguises a pasted key comes in.

const SECRET_PART = 'Vb7SecretPart93kQ';
const standardKey = `sk-proj-${SECRET_PART}`;

async function refusal(promise: Promise<unknown>): Promise<RealtimeTransportError> {
  const error = await promise.then(
    () => {
      throw new Error('expected resolveClientSecret to reject');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof RealtimeTransportError)) throw new Error(`expected a RealtimeTransportError, got ${String(error)}`);
  return error;
}

describe('resolveClientSecret: the sk- guard', () => {
  it.each([
    ['a Bearer prefix', `Bearer ${standardKey}`],
    ['a lowercase bearer prefix', `bearer  ${standardKey}`],
    ['a zero-width space before it', `\u200B${standardKey}`],
    ['a BOM and whitespace before it', `\uFEFF \n${standardKey}`],
    ['a zero-width joiner inside the prefix', `s\u200Dk-proj-${SECRET_PART}`],
    ['the client_secrets object shape', { value: ` Bearer \u2060${standardKey}` }],
  ])('refuses a standard key behind %s, without echoing it', async (_label, given) => {
    const error = await refusal(resolveClientSecret(() => given, { isBrowser: true }));
    expect(error.code).toBe('api_key_in_browser');
    expect(`${error.message} ${error.stack}`).not.toContain(SECRET_PART);
  });

  it('returns the cleaned key: no Bearer prefix, no invisible characters', async () => {
    expect(await resolveClientSecret(() => '\u200BBearer ek_abc123\n', { isBrowser: true })).toBe('ek_abc123');
    expect(await resolveClientSecret(() => `Bearer ${standardKey}`, { isBrowser: true, dangerouslyAllowApiKeyInBrowser: true })).toBe(standardKey);
  });

  it('refuses a key that a header or a subprotocol cannot carry, without echoing it', async () => {
    const error = await refusal(resolveClientSecret(() => `ek_${SECRET_PART}\r\nX-Injected: 1`, { isBrowser: true }));
    expect(error.code).toBe('client_secret_failed');
    expect(error.message).toMatch(/line break at position/);
    expect(error.message).not.toContain(SECRET_PART);
  });

  it('redacts a key quoted in the message of a failing getClientSecret', async () => {
    const error = await refusal(
      resolveClientSecret(() => Promise.reject(new Error(`token endpoint said: invalid ${standardKey}`)), { isBrowser: true }),
    );
    expect(error.code).toBe('client_secret_failed');
    expect(error.message).toContain('token endpoint said');
    expect(error.message).not.toContain(SECRET_PART);
    expect(`${(error.cause as Error).message} ${(error.cause as Error).stack}`).not.toContain(SECRET_PART);
  });

  it('runs without a window or a document unless the runtime is a server (workers, React Native)', async () => {
    // This suite runs in Node: a server runtime, where the server's own key is fine.
    expect(isServerRuntime()).toBe(true);
    expect(await resolveClientSecret(() => standardKey)).toBe(standardKey);
    // A dedicated worker: self and navigator, no window, no document, no Node.
    expect(isServerRuntime({ self: {}, navigator: { userAgent: 'Mozilla/5.0' } })).toBe(false);
    // React Native: a navigator, no document, no Node.
    expect(isServerRuntime({ navigator: { product: 'ReactNative' } })).toBe(false);
    // A page, also under jsdom or in an Electron renderer (which have Node's process too).
    expect(isServerRuntime({ window: {}, document: {}, process: { versions: { node: '20.0.0' } } })).toBe(false);
    // Node, Bun, Deno: servers.
    expect(isServerRuntime({ process: { versions: { node: '20.0.0' } } })).toBe(true);
    expect(isServerRuntime({ process: { versions: { node: '1.1.0', bun: '1.1.0' } } })).toBe(true);
    expect(isServerRuntime({ Deno: { version: { deno: '2.0.0' } } })).toBe(true);
  });

  it('recognises the server runtimes that look like a page or a worker, so they need no opt-out', async () => {
    // Deno 1.x defined a global window (no document).
    const deno1 = { Deno: { version: { deno: '1.46.0' } }, window: {}, self: {}, navigator: { userAgent: 'Deno/1.46.0' } };
    expect(isServerRuntime(deno1)).toBe(true);
    // Cloudflare Workers: self and navigator like a web worker, with its own user agent.
    expect(isServerRuntime({ self: {}, navigator: { userAgent: 'Cloudflare-Workers' } })).toBe(true);
    // The Vercel / Next.js edge runtime names itself in a global.
    expect(isServerRuntime({ self: {}, EdgeRuntime: 'edge-runtime', navigator: {} })).toBe(true);
    // None of them is a page: a document still means a client.
    expect(isServerRuntime({ ...deno1, document: {} })).toBe(false);
    expect(isServerRuntime({ window: {}, navigator: { product: 'ReactNative' } })).toBe(false);
  });
});
