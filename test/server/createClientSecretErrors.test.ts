import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ClientSecretError, createClientSecret } from '../../src/server/index.ts';
import { fakeFetch } from '../core/transports/fakes.ts';

// Every failure of createClientSecret is a typed ClientSecretError with a code, and none of
// them carries the API key: not in the message, the body, the stack, or the cause exposed.

const session = { type: 'realtime' as const, model: 'gpt-realtime' };
const SECRET_PART = 'Zq8RtSecretPart4xY';
const apiKey = `sk-proj-${SECRET_PART}0123456789`;

async function failureOf(promise: Promise<unknown>): Promise<ClientSecretError> {
  const error = await promise.then(
    () => {
      throw new Error('expected createClientSecret to reject');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof ClientSecretError)) throw new Error(`expected a ClientSecretError, got ${String(error)}`);
  return error;
}

/** Everything an app might log about an error, cause chain included. */
function everythingShown(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 4) return String(error);
  const extra = error instanceof ClientSecretError ? error.body : '';
  return [error.name, error.message, error.stack ?? '', extra, everythingShown(error.cause, depth + 1)].join('\n');
}

function expectNoSecret(error: unknown, ...secrets: string[]): void {
  const shown = everythingShown(error);
  expect(shown).not.toContain(SECRET_PART);
  for (const secret of secrets) expect(shown).not.toContain(secret);
}

describe('createClientSecret: typed errors that never contain the key', () => {
  it('a key with CR/LF is refused before fetch (invalid_api_key), instead of a raw TypeError quoting the header', async () => {
    // The real fetch: its header check throws a TypeError that quotes the whole header value.
    const badKey = `${apiKey}\r\nX-Injected: 1`;
    const error = await failureOf(createClientSecret({ apiKey: badKey, session, baseUrl: 'http://127.0.0.1:9' }));
    expect(error.code).toBe('invalid_api_key');
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/apiKey/);
    expectNoSecret(error, badKey);
  });

  it('a key with NUL or a non-ASCII character is refused the same way', async () => {
    for (const badKey of [`${apiKey}\0`, `${apiKey}\u2028x`, `sk-${SECRET_PART} more`]) {
      const http = fakeFetch(() => new Response('{}'));
      const error = await failureOf(createClientSecret({ apiKey: badKey, session, fetch: http.fetch }));
      expect(error.code).toBe('invalid_api_key');
      expect(http.calls).toHaveLength(0);
      expectNoSecret(error);
    }
  });

  it('surrounding whitespace and a "Bearer " prefix are tolerated, as fetch tolerates the first', async () => {
    const http = fakeFetch(() => new Response(JSON.stringify({ value: 'ek_ok', expires_at: 1 })));
    await createClientSecret({ apiKey: `  Bearer ${apiKey}\r\n`, session, fetch: http.fetch });
    expect(http.calls[0]?.init.headers).toMatchObject({ Authorization: `Bearer ${apiKey}` });
  });

  it('an error body that echoes the key is redacted in the message and the body', async () => {
    const echo = JSON.stringify({ error: { message: `Incorrect API key provided: ${apiKey}. Also saw ek_${SECRET_PART}.` } });
    const http = fakeFetch(() => new Response(echo, { status: 401 }));
    const error = await failureOf(createClientSecret({ apiKey, session, fetch: http.fetch }));
    expect(error).toMatchObject({ code: 'http_error', status: 401 });
    expect(error.message).toMatch(/HTTP 401: Incorrect API key provided: sk-\*\*\*/);
    expectNoSecret(error, apiKey);
  });

  it('a non-JSON error body (a proxy page) that echoes the key is redacted too', async () => {
    const http = fakeFetch(() => new Response(`<html>Bad gateway for Authorization: Bearer ${apiKey}</html>`, { status: 502 }));
    const error = await failureOf(createClientSecret({ apiKey, session, fetch: http.fetch }));
    expect(error).toMatchObject({ code: 'http_error', status: 502 });
    expectNoSecret(error, apiKey);
  });

  it('a key wrapped across lines in an error page is redacted piece by piece', async () => {
    const wrapped = `${apiKey.slice(0, 14)}\n${apiKey.slice(14)}`;
    const http = fakeFetch(() => new Response(`<pre>401 for Authorization: Bearer\n${wrapped}\n</pre>`, { status: 401 }));
    const error = await failureOf(createClientSecret({ apiKey, session, fetch: http.fetch }));
    expect(error.code).toBe('http_error');
    expect(error.body).toContain('401 for Authorization');
    expectNoSecret(error, apiKey.slice(14));
  });

  it('an exact echo of a key that does not look like sk- is redacted', async () => {
    const customKey = `azure${SECRET_PART}77`;
    const http = fakeFetch(() => new Response(`key ${customKey} is not valid`, { status: 401 }));
    const error = await failureOf(createClientSecret({ apiKey: customKey, session, fetch: http.fetch }));
    expectNoSecret(error, customKey);
  });

  it('a 200 that is not JSON is invalid_response, not a raw SyntaxError', async () => {
    const http = fakeFetch(() => new Response(`<html>ek_${SECRET_PART} welcome ${apiKey}</html>`, { status: 200 }));
    const error = await failureOf(createClientSecret({ apiKey, session, fetch: http.fetch }));
    expect(error).toMatchObject({ code: 'invalid_response', status: 200 });
    expect(error.message).toMatch(/not JSON/);
    expectNoSecret(error, apiKey);
  });

  it('a 200 with JSON null, or without a key, is invalid_response', async () => {
    for (const body of ['null', '42', JSON.stringify({ expires_at: 1 })]) {
      const http = fakeFetch(() => new Response(body));
      const error = await failureOf(createClientSecret({ apiKey, session, fetch: http.fetch }));
      expect(error.code).toBe('invalid_response');
    }
  });

  it('a fetch that throws with the key in its message is network_error, with the cause redacted', async () => {
    const leaky = (async () => {
      throw new TypeError(`Headers.append: "Bearer ${apiKey}" is an invalid header value.`, { cause: new Error(`inner ${apiKey}`) });
    }) as typeof fetch;
    const error = await failureOf(createClientSecret({ apiKey, session, fetch: leaky }));
    expect(error.code).toBe('network_error');
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).name).toBe('TypeError');
    expect((error.cause as Error).message).toContain('invalid header value');
    expectNoSecret(error, apiKey);
  });

  it('what console.error prints of the cause holds no key: fields of the thrown error, a Request on it, AggregateError.errors', async () => {
    // What a fetch wrapper (ofetch, ky, got, axios adapters) attaches to the errors it throws.
    const thrown: unknown[] = [
      Object.assign(new Error('Request failed'), { options: { headers: { Authorization: `Bearer ${apiKey}` } } }),
      Object.assign(new Error('HTTP 500'), { request: new Request('https://api.openai.com/', { headers: { Authorization: `Bearer ${apiKey}` } }) }),
      Object.assign(new Error('Request failed'), { authorization: `Bearer ${apiKey}` }),
      new TypeError('fetch failed', { cause: new AggregateError([new Error('ECONNREFUSED ::1'), new Error(`proxy refused Bearer ${apiKey}`)], 'all failed') }),
    ];
    for (const cause of thrown) {
      const error = await failureOf(createClientSecret({ apiKey, session, fetch: (async () => Promise.reject(cause)) as typeof fetch }));
      expect(error.code).toBe('network_error');
      const printed = inspect(error, { depth: 10 });
      expect(printed).not.toContain(SECRET_PART);
      expect(printed).toMatch(/Request failed|HTTP 500|fetch failed/);
    }
  });

  it('a clean cause is kept as it is, plain fields and all (instanceof and code still work)', async () => {
    class UpstreamError extends Error {}
    const cause = Object.assign(new UpstreamError('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED', errno: -111, port: 443 });
    const error = await failureOf(createClientSecret({ apiKey, session, fetch: (async () => Promise.reject(cause)) as typeof fetch }));
    expect(error.cause).toBe(cause);
  });

  it('an abort is code aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const respectful = ((_url: string, init?: RequestInit) =>
      Promise.reject(init?.signal?.reason ?? new Error('no signal'))) as typeof fetch;
    const error = await failureOf(createClientSecret({ apiKey, session, fetch: respectful, signal: controller.signal }));
    expect(error.code).toBe('aborted');
  });

  it('a body that fails to read is network_error', async () => {
    const broken = (async () =>
      ({ ok: true, status: 200, text: () => Promise.reject(new Error(`reset while reading ${apiKey}`)) }) as unknown as Response) as typeof fetch;
    const error = await failureOf(createClientSecret({ apiKey, session, fetch: broken }));
    expect(error.code).toBe('network_error');
    expectNoSecret(error, apiKey);
  });
});
