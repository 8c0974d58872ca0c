import { describe, expect, it } from 'vitest';
import { apiErrorMessage } from '../../../src/core/openaiApi/apiErrorMessage.ts';
import { redactError, redactSecrets } from '../../../src/core/openaiApi/redactSecrets.ts';

describe('redactSecrets', () => {
  it('replaces exact secrets (also JSON-escaped) and anything shaped like an OpenAI key or a bearer token', () => {
    expect(redactSecrets('key sk-proj-AbC123_xyz-9 and ek_68a1b2c3 end')).toBe('key sk-*** and ek_*** end');
    expect(redactSecrets('Authorization: Bearer abc.def.ghi, next')).toBe('Authorization: Bearer ***, next');
    expect(redactSecrets('got my-custom-secret-42!', ['my-custom-secret-42'])).toBe('got ***!');
    expect(redactSecrets('{"k":"line1\\nline2secret"}', ['line1\nline2secret'])).toBe('{"k":"***"}');
    expect(redactSecrets('sk-abc+tail', ['sk-abc+tail'])).toBe('sk-***');
    // Too short to replace safely wherever it occurs: left to the shape rules.
    expect(redactSecrets('the cat sat', ['cat'])).toBe('the cat sat');
  });

  it('sees a key right after an escape: URL-encoded (%3D, %20) and JSON-escaped (\\n, \\t, \\u0020) text', () => {
    const ek = 'ek_68a1b2c3d4e5f6SecretTail';
    const sk = 'sk-proj-SecretTail0123456789';
    const shown = [
      redactSecrets(`GET /session?next=https%3A%2F%2Fapp%2Fcb%3Ftoken%3D${ek}`),
      redactSecrets(`authorization=Bearer%20${sk}&x=1`),
      redactSecrets(`authorization=Bearer+${sk}&x=1`),
      redactSecrets(JSON.stringify({ detail: `token rejected:\n${ek}` })),
      redactSecrets(JSON.stringify({ detail: `key:\t${sk}` })),
      redactSecrets('{"detail":"key:\\u0020' + sk + '"}'),
      apiErrorMessage(JSON.stringify({ detail: `rejected:\n${ek}` })),
    ];
    for (const text of shown) expect(text).not.toContain('SecretTail');
    expect(redactSecrets(`token%3D${ek}`)).toBe('token%3Dek_***');
    // Words that merely contain the letters stay as they are.
    expect(redactSecrets('task-manager, desk-top, risk-free, a%20task-list, line\\nrisk-free')).toBe(
      'task-manager, desk-top, risk-free, a%20task-list, line\\nrisk-free',
    );
  });

  it('redactError keeps name and code, redacts the message and the cause chain, drops the original stack', () => {
    const original = Object.assign(new TypeError('bad header "Bearer sk-Secret123"', { cause: new Error('inner sk-Secret123') }), {
      code: 'ERR_INVALID_HEADER',
    });
    const safe = redactError(original, ['sk-Secret123']);
    expect(safe).toMatchObject({ name: 'TypeError', code: 'ERR_INVALID_HEADER' });
    expect(`${safe.message} ${safe.stack} ${(safe.cause as Error).message}`).not.toContain('Secret123');
  });

  it('redactError returns a clean error itself, so instanceof checks on it keep working', () => {
    class TokenEndpointError extends Error {}
    const clean = new TokenEndpointError('HTTP 503 from /api/token', { cause: new Error('upstream timeout') });
    expect(redactError(clean, ['sk-Secret123'])).toBe(clean);
    const deep = new Error('outer', { cause: new Error('middle', { cause: new Error('inner sk-Secret123') }) });
    const safe = redactError(deep, ['sk-Secret123']);
    expect(safe).not.toBe(deep);
    expect(((safe.cause as Error).cause as Error).message).toBe('inner sk-***');
  });

  it('redactError copies an error whose fields show a key: plain fields stay (redacted), objects go, AggregateError keeps its errors', () => {
    const withFields = Object.assign(new Error('token endpoint failed'), {
      status: 502,
      detail: 'upstream said ek_68a1b2c3SecretTail',
      response: { headers: { authorization: 'Bearer ek_68a1b2c3SecretTail' } },
    });
    const safe = redactError(withFields);
    expect(safe).not.toBe(withFields);
    expect(safe).toMatchObject({ message: 'token endpoint failed', status: 502, detail: 'upstream said ek_***' });
    expect(safe).not.toHaveProperty('response');
    const aggregate = new AggregateError([new Error('ECONNREFUSED'), new Error('sk-proj-SecretTail00')], 'all failed');
    const safeAggregate = redactError(aggregate);
    expect(safeAggregate).toBeInstanceOf(AggregateError);
    expect((safeAggregate as AggregateError).errors.map((each: Error) => each.message)).toEqual(['ECONNREFUSED', 'sk-***']);
    // A plain-data field that is clean does not force a copy.
    const clean = Object.assign(new Error('HTTP 503'), { status: 503, details: { retryAfter: 2, tags: ['a'] } });
    expect(redactError(clean)).toBe(clean);
  });

  it('redactError works where AggregateError does not exist (older React Native engines)', () => {
    const original = globalThis.AggregateError;
    try {
      Object.assign(globalThis, { AggregateError: undefined });
      const withErrors = Object.assign(new Error('all failed'), { errors: [new Error('ek_68a1b2c3SecretTail')] });
      const safe = redactError(withErrors);
      expect(safe.message).toBe('all failed');
      expect(JSON.stringify(safe)).not.toContain('SecretTail');
    } finally {
      Object.assign(globalThis, { AggregateError: original });
    }
  });
});

describe('apiErrorMessage', () => {
  it('redacts a key echoed by the API error message or a non-JSON body, before cutting it', () => {
    expect(apiErrorMessage(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-live-9876543210abcdef.' } }))).toBe(
      'Incorrect API key provided: sk-***.',
    );
    const body = `${'x'.repeat(190)} ek_0123456789abcdef`;
    expect(apiErrorMessage(body)).not.toMatch(/ek_0/);
    expect(apiErrorMessage('null')).toBe('null');
    expect(apiErrorMessage('')).toBe('no details');
  });
});
