import { describe, expect, it } from 'vitest';
import {
  getTurnDetection,
  IDLE_TIMEOUT_MAX_MS,
  IDLE_TIMEOUT_MIN_MS,
  normalizeBetaSession,
  RealtimeConfigError,
  sessionConfigSchema,
  validateIdleTimeoutMs,
  validateSessionConfig,
  withIdleTimeout,
  type SessionConfig,
} from '../../../src/core/protocol/index.ts';

function serverVadConfig(idle_timeout_ms: unknown): unknown {
  return { type: 'realtime', audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms } } } };
}

function configError(run: () => unknown): RealtimeConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof RealtimeConfigError) return error;
    throw error;
  }
  throw new Error('expected a RealtimeConfigError');
}

describe('idle timeout bounds', () => {
  it('uses the documented bounds', () => {
    expect([IDLE_TIMEOUT_MIN_MS, IDLE_TIMEOUT_MAX_MS]).toEqual([5000, 30000]);
  });

  it.each([5000, 5001, 15000, 30000, null])('accepts %s', (ms) => {
    expect(validateIdleTimeoutMs(ms)).toBe(ms);
    const config = validateSessionConfig(serverVadConfig(ms));
    expect(config.audio?.input?.turn_detection).toEqual({ type: 'server_vad', idle_timeout_ms: ms });
  });

  it.each([
    [4999, 'got 4999'],
    [30001, 'got 30001'],
    [3000, 'got 3000'],
    [7500.5, 'got 7500.5'],
    [Number.NaN, 'got NaN'],
    [Number.POSITIVE_INFINITY, 'got Infinity'],
    ['8000', 'got "8000"'],
    [undefined, 'got undefined'],
    [{}, 'got an object'],
    [[5000], 'got an array'],
  ])('rejects %s with a clear message', (ms, got) => {
    const direct = configError(() => validateIdleTimeoutMs(ms));
    expect(direct.name).toBe('RealtimeConfigError');
    expect(direct.issues).toEqual([
      {
        path: 'idle_timeout_ms',
        message: `idle timeout must be an integer between 5000 and 30000 ms, or null to turn it off; ${got}`,
      },
    ]);
    expect(direct.message).toContain(got);
  });

  it.each([4999, 30001, 7500.5, '8000'])('rejects %s inside a session config, naming the path', (ms) => {
    const error = configError(() => validateSessionConfig(serverVadConfig(ms)));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe('audio.input.turn_detection.idle_timeout_ms');
    expect(error.issues[0]?.message).toMatch(/^idle timeout must be an integer between 5000 and 30000 ms, or null/);
    expect(error.message).toContain('audio.input.turn_detection.idle_timeout_ms: idle timeout must be');
  });
});

describe('turn detection', () => {
  it('accepts semantic_vad without an idle timeout, and null', () => {
    const semantic = { type: 'semantic_vad', eagerness: 'high', create_response: true, interrupt_response: false };
    expect(validateSessionConfig({ audio: { input: { turn_detection: semantic } } }).audio?.input?.turn_detection).toEqual(
      semantic,
    );
    expect(validateSessionConfig({ audio: { input: { turn_detection: null } } }).audio?.input?.turn_detection).toBeNull();
  });

  it('refuses an idle timeout on semantic_vad, pointing to the client fallback', () => {
    const error = configError(() =>
      validateSessionConfig({ audio: { input: { turn_detection: { type: 'semantic_vad', idle_timeout_ms: 8000 } } } }),
    );
    expect(error.issues[0]?.path).toBe('audio.input.turn_detection.idle_timeout_ms');
    expect(error.issues[0]?.message).toMatch(/only supported with server_vad.*semantic_vad has no idle timeout.*client fallback/);
  });

  it.each([
    [{ type: 'server_vad', threshold: 1.5 }, 'audio.input.turn_detection.threshold'],
    [{ type: 'server_vad', silence_duration_ms: -1 }, 'audio.input.turn_detection.silence_duration_ms'],
    [{ type: 'semantic_vad', eagerness: 'eager' }, 'audio.input.turn_detection.eagerness'],
    [{ type: 'client_vad' }, 'audio.input.turn_detection.type'],
  ])('rejects %j at %s', (turnDetection, path) => {
    const error = configError(() => validateSessionConfig({ audio: { input: { turn_detection: turnDetection } } }));
    expect(error.issues.map((issue) => issue.path)).toContain(path);
  });

  it('keeps unknown fields and accepts an empty patch', () => {
    expect(validateSessionConfig({})).toEqual({});
    expect(validateSessionConfig({ instructions: 'Hi', future: { x: 1 } })).toEqual({ instructions: 'Hi', future: { x: 1 } });
  });

  it.each([null, 42, 'config', []])('rejects a non-object config %j', (value) => {
    expect(() => validateSessionConfig(value)).toThrow(RealtimeConfigError);
  });

  it('reports every problem at once', () => {
    const error = configError(() =>
      validateSessionConfig({
        output_modalities: ['video'],
        audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 1 } } },
      }),
    );
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      'audio.input.turn_detection.idle_timeout_ms',
      'output_modalities[0]',
    ]);
  });
});

describe('beta session shape', () => {
  const beta = {
    modalities: ['audio'],
    voice: 'alloy',
    speed: 1.1,
    input_audio_format: 'g711_alaw',
    output_audio_format: 'pcm16',
    input_audio_transcription: { model: 'whisper-1' },
    input_audio_noise_reduction: { type: 'far_field' },
    turn_detection: { type: 'server_vad', idle_timeout_ms: 9000 },
    max_response_output_tokens: 512,
    instructions: 'Be brief.',
  };

  it('moves every beta field to its GA place', () => {
    expect(validateSessionConfig(beta)).toEqual({
      output_modalities: ['audio'],
      max_output_tokens: 512,
      instructions: 'Be brief.',
      audio: {
        input: {
          format: { type: 'audio/pcma' },
          transcription: { model: 'whisper-1' },
          noise_reduction: { type: 'far_field' },
          turn_detection: { type: 'server_vad', idle_timeout_ms: 9000 },
        },
        output: { voice: 'alloy', speed: 1.1, format: { type: 'audio/pcm', rate: 24000 } },
      },
    });
  });

  it('validates beta turn detection like GA', () => {
    const error = configError(() => validateSessionConfig({ turn_detection: { type: 'semantic_vad', idle_timeout_ms: 9000 } }));
    expect(error.issues[0]?.path).toBe('audio.input.turn_detection.idle_timeout_ms');
  });

  it('lets GA values win over beta twins and never mutates the input', () => {
    const mixed = {
      voice: 'alloy',
      modalities: ['text'],
      output_modalities: ['audio'],
      audio: { output: { voice: 'marin' }, input: { format: { type: 'audio/pcm', rate: 24000 } } },
      turn_detection: null,
    };
    const snapshot = structuredClone(mixed);
    const normalized = normalizeBetaSession(mixed);
    expect(normalized).toEqual({
      output_modalities: ['audio'],
      audio: { output: { voice: 'marin' }, input: { format: { type: 'audio/pcm', rate: 24000 }, turn_detection: null } },
    });
    expect(mixed).toEqual(snapshot);
  });

  it('returns a GA config untouched', () => {
    const ga = { audio: { input: { turn_detection: null } } };
    expect(normalizeBetaSession(ga)).toBe(ga);
  });

  it('keeps a broken audio value for validation to report', () => {
    expect(() => validateSessionConfig({ voice: 'alloy', audio: 'loud' })).toThrow(/audio/);
  });
});

describe('getTurnDetection', () => {
  it('tells unspecified (undefined) from off (null)', () => {
    expect(getTurnDetection(undefined)).toBeUndefined();
    expect(getTurnDetection(null)).toBeUndefined();
    expect(getTurnDetection({})).toBeUndefined();
    expect(getTurnDetection({ audio: { input: {} } })).toBeUndefined();
    expect(getTurnDetection({ audio: { input: { turn_detection: null } } })).toBeNull();
    expect(getTurnDetection({ audio: { input: { turn_detection: { type: 'semantic_vad' } } } })).toEqual({
      type: 'semantic_vad',
    });
  });

  it('reads a beta top-level turn_detection', () => {
    const beta = { turn_detection: { type: 'server_vad', idle_timeout_ms: 6000 } } as SessionConfig;
    expect(getTurnDetection(beta)).toEqual({ type: 'server_vad', idle_timeout_ms: 6000 });
  });
});

describe('withIdleTimeout', () => {
  it('adds server_vad when turn detection is unspecified (the server default)', () => {
    const config: SessionConfig = { instructions: 'Be brief.', audio: { output: { voice: 'marin' } } };
    const snapshot = structuredClone(config);
    const next = withIdleTimeout(config, 8000);
    expect(next).toEqual({
      instructions: 'Be brief.',
      audio: { output: { voice: 'marin' }, input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 } } },
    });
    expect(config).toEqual(snapshot);
    expect(sessionConfigSchema.safeParse(next).success).toBe(true);
  });

  it('sets or clears the timeout on an existing server_vad, keeping its other settings', () => {
    const config: SessionConfig = {
      audio: { input: { format: { type: 'audio/pcm', rate: 24000 }, turn_detection: { type: 'server_vad', threshold: 0.7 } } },
    };
    expect(withIdleTimeout(config, 30000).audio?.input).toEqual({
      format: { type: 'audio/pcm', rate: 24000 },
      turn_detection: { type: 'server_vad', threshold: 0.7, idle_timeout_ms: 30000 },
    });
    const off = withIdleTimeout(withIdleTimeout(config, 5000), null);
    expect(off.audio?.input?.turn_detection).toEqual({ type: 'server_vad', threshold: 0.7, idle_timeout_ms: null });
    expect(config.audio?.input?.turn_detection).toEqual({ type: 'server_vad', threshold: 0.7 });
  });

  it('returns a GA config when given a beta one', () => {
    const beta = { voice: 'alloy', turn_detection: { type: 'server_vad' } } as SessionConfig;
    expect(withIdleTimeout(beta, 6000)).toEqual({
      audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 6000 } }, output: { voice: 'alloy' } },
    });
  });

  it.each([
    ['semantic_vad', { type: 'semantic_vad' as const }, /semantic_vad.*client fallback/],
    ['null', null, /turn detection is off.*client fallback/],
  ])('refuses a timeout with %s turn detection', (_label, turnDetection, message) => {
    const config: SessionConfig = { audio: { input: { turn_detection: turnDetection } } };
    const error = configError(() => withIdleTimeout(config, 8000));
    expect(error.issues[0]?.path).toBe('audio.input.turn_detection.idle_timeout_ms');
    expect(error.message).toMatch(message);
  });

  it('turning the timeout off where there is none is a no-op', () => {
    const config: SessionConfig = { audio: { input: { turn_detection: { type: 'semantic_vad' } } } };
    expect(withIdleTimeout(config, null)).toBe(config);
  });

  it.each([4999, 30001, 1.5])('validates the timeout %s', (ms) => {
    expect(() => withIdleTimeout({}, ms)).toThrow(/between 5000 and 30000 ms/);
  });
});
