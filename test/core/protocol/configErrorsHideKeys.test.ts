import { describe, expect, it } from 'vitest';
import { RealtimeConfigError } from '../../../src/core/protocol/errors.ts';
import { validateTimerDurations } from '../../../src/core/protocol/timerDuration.ts';
import { validateIdleTimeoutMs } from '../../../src/core/protocol/turnDetection.ts';
import { validateSessionConfig } from '../../../src/core/protocol/validateSessionConfig.ts';
import { withIdleTimeout } from '../../../src/core/protocol/withIdleTimeout.ts';
import { resolveIdlePolicy, type IdlePolicy } from '../../../src/core/session/index.ts';

// A key pasted into the wrong option (an env variable mix-up) must not reach the logs through
// the config error that reports it; every config check formats values the same way.

const SECRET_PART = 'Qw7SecretPart2Lm';
const keys = [`sk-proj-${SECRET_PART}`, `ek_${SECRET_PART}`, `Bearer ${SECRET_PART}`, ` sk-${SECRET_PART}`];

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof RealtimeConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a RealtimeConfigError');
}

describe('config errors never show a key', () => {
  it.each(keys)('%j in idle_timeout_ms, an idle policy field or a duration is described, not shown', (key) => {
    const messages = [
      messageOf(() => validateSessionConfig({ audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: key } } } })),
      messageOf(() => validateIdleTimeoutMs(key)),
      messageOf(() => withIdleTimeout({}, key as unknown as number)),
      messageOf(() => resolveIdlePolicy({ timeoutMs: key } as unknown as Partial<IdlePolicy>)),
      messageOf(() => resolveIdlePolicy({ clientFallback: key } as unknown as Partial<IdlePolicy>)),
      messageOf(() => validateTimerDurations({ connectTimeoutMs: key })),
    ];
    for (const message of messages) {
      expect(message).not.toContain(SECRET_PART);
      expect(message).toContain('got a string that looks like a key (not shown)');
    }
  });

  it('other strings still print quoted, cut after 40 characters, in every check', () => {
    const long = 'x'.repeat(60);
    expect(messageOf(() => validateIdleTimeoutMs('8000'))).toContain('got "8000"');
    expect(messageOf(() => validateIdleTimeoutMs(long))).toContain(`got "${'x'.repeat(40)}…"`);
    expect(messageOf(() => resolveIdlePolicy({ clientFallback: 'task-list' } as unknown as Partial<IdlePolicy>))).toContain('got "task-list"');
  });
});
