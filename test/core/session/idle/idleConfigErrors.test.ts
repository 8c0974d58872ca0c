import { describe as group, expect, it } from 'vitest';
import { RealtimeConfigError } from '../../../../src/core/protocol/errors.ts';
import { resolveIdlePolicy, type IdlePolicy, type RealtimeError } from '../../../../src/core/session/index.ts';
import { setup } from '../helpers.ts';

// Config errors name the option the user wrote (`idle.timeoutMs`, not the wire's
// `idle_timeout_ms`), quote strings, and refuse a `null` that has no documented meaning.

function configErrorOf(run: () => unknown): RealtimeConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof RealtimeConfigError) return error;
    throw new Error(`expected a RealtimeConfigError, got ${String(error)}`);
  }
  throw new Error('expected a RealtimeConfigError, nothing was thrown');
}

/** Lets a test pass values the types forbid, as JavaScript callers and JSON configs can. */
const loose = (idle: Record<string, unknown>) => idle as unknown as Partial<IdlePolicy>;

group('idle policy config errors', () => {
  it('a bad timeoutMs is reported at idle.timeoutMs, not at the wire path', () => {
    const error = configErrorOf(() => setup({ idle: { timeoutMs: 3000 } }));
    expect(error.issues).toEqual([{ path: 'idle.timeoutMs', message: expect.stringMatching(/between 5000 and 30000 ms.*got 3000$/) as string }]);
    expect(error.message).not.toContain('idle_timeout_ms');
  });

  it('string values print quoted, so "2" reads apart from 2', () => {
    expect(configErrorOf(() => resolveIdlePolicy(loose({ timeoutMs: '8000' }))).message).toContain('got "8000"');
    expect(configErrorOf(() => resolveIdlePolicy(loose({ maxTimeouts: '2' }))).issues).toEqual([
      { path: 'idle.maxTimeouts', message: expect.stringMatching(/got "2"$/) as string },
    ]);
    expect(configErrorOf(() => resolveIdlePolicy(loose({ endGraceMs: '2' }))).message).toContain('got "2"');
    expect(configErrorOf(() => resolveIdlePolicy(loose({ clientFallback: 'sometimes' }))).message).toContain('got "sometimes"');
  });

  it('endGraceMs: null and clientFallback: null are errors naming the option and what it accepts', () => {
    const grace = configErrorOf(() => setup({ idle: loose({ timeoutMs: 8000, endGraceMs: null }) }));
    expect(grace.issues).toEqual([{ path: 'idle.endGraceMs', message: expect.stringMatching(/number of ms from 0 to 2147483647.*got null$/) as string }]);
    const fallback = configErrorOf(() => setup({ idle: loose({ timeoutMs: 8000, clientFallback: null }) }));
    expect(fallback.issues).toEqual([
      { path: 'idle.clientFallback', message: expect.stringMatching(/'auto', 'always' or 'never'.*got null$/) as string },
    ]);
  });

  it('every problem is listed at once', () => {
    const error = configErrorOf(() => resolveIdlePolicy(loose({ timeoutMs: 1, maxTimeouts: 0, endGraceMs: -1 })));
    expect(error.issues.map((issue) => issue.path)).toEqual(['idle.timeoutMs', 'idle.maxTimeouts', 'idle.endGraceMs']);
  });

  it('null still means "off" where the type says so', () => {
    expect(resolveIdlePolicy({ timeoutMs: null, maxTimeouts: null })).toMatchObject({ timeoutMs: null, maxTimeouts: null });
  });

  it('an unknown field (a typo) is an error naming it and the field meant, not a silently disabled timeout', async () => {
    const typo = configErrorOf(() => setup({ idle: loose({ timeout: 8000 }) }));
    expect(typo.issues).toEqual([{ path: 'idle.timeout', message: expect.stringMatching(/not an idle policy field \(did you mean timeoutMs\?\)/) as string }]);
    expect(configErrorOf(() => resolveIdlePolicy(loose({ idle_timeout_ms: 8000 }))).message).toContain('did you mean timeoutMs?');
    expect(configErrorOf(() => resolveIdlePolicy(loose({ maxTimeout: 2 }))).message).toContain('did you mean maxTimeouts?');
    expect(configErrorOf(() => resolveIdlePolicy(loose({ graceMs: 5000 }))).message).toContain('did you mean endGraceMs?');
    expect(configErrorOf(() => resolveIdlePolicy(loose({ fallback: 'auto' }))).message).toContain('did you mean clientFallback?');
    expect(configErrorOf(() => resolveIdlePolicy(loose({ countdown: true }))).issues[0]?.message).toMatch(
      /^is not an idle policy field; the fields are timeoutMs, clientFallback, maxTimeouts, endGraceMs$/,
    );
    // A field left undefined changes nothing, as a spread of optional props leaves them.
    expect(resolveIdlePolicy(loose({ timeoutMs: 8000, countdown: undefined })).timeoutMs).toBe(8000);

    const h = setup({ idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.session.setIdlePolicy(loose({ maxTimeout: 1 }));
    expect(h.take()).toContain('error:config:invalid_idle_policy');
    expect(h.session.getIdlePolicy()).toMatchObject({ timeoutMs: 8000, maxTimeouts: 3 });
  });

  it('an idle option that is not an object (idle: 8000) is an error at creation, not ignored', () => {
    expect(configErrorOf(() => setup({ idle: 8000 as unknown as Partial<IdlePolicy> })).issues).toEqual([
      { path: 'idle', message: expect.stringMatching(/must be an object .*got 8000$/) as string },
    ]);
    // The config's idle_timeout_ms is still adopted when the idle option does not set one.
    const h = setup({
      config: { type: 'realtime', audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 9000 } } } },
      idle: { maxTimeouts: 2, timeoutMs: undefined },
    });
    expect(h.session.getIdlePolicy()).toMatchObject({ timeoutMs: 9000, maxTimeouts: 2 });
  });

  it('resolveIdlePolicy(null) and setIdlePolicy(null) give a clear RealtimeConfigError, not a TypeError', async () => {
    const direct = configErrorOf(() => resolveIdlePolicy(null as unknown as Partial<IdlePolicy>));
    expect(direct.issues[0]).toMatchObject({ path: 'idle', message: expect.stringMatching(/object.*got null$/) as string });

    const h = setup({ idle: { timeoutMs: 8000 } });
    await h.session.connect();
    const errors: RealtimeError[] = [];
    h.session.on('error', (event) => errors.push(event.error));
    h.session.setIdlePolicy(null as unknown as Partial<IdlePolicy>);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: 'config', code: 'invalid_idle_policy' });
    expect(errors[0]?.cause).toBeInstanceOf(RealtimeConfigError);
    expect(errors[0]?.message).not.toMatch(/Cannot read properties/);
    expect(h.session.getIdlePolicy().timeoutMs).toBe(8000);
    expect(h.session.getState().status).toBe('connected');
  });
});
