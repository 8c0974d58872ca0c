import type { ArgTypes } from '@storybook/react-vite';

/** The knobs every session story offers: the idle policy and the playback speed. */
export interface SessionStoryArgs {
  /** Silence before a timeout, sent as `idle_timeout_ms` (5000..30000). */
  idleTimeoutMs: number;
  /** Timeouts in a row before the session ends (0 = never). */
  maxTimeouts: number;
  /** Grace countdown before the automatic end. */
  endGraceMs: number;
  /** Playback speed of the scripted session and its clock. */
  speed: number;
}

export const sessionArgTypes: Partial<ArgTypes<SessionStoryArgs>> = {
  idleTimeoutMs: {
    name: 'idle_timeout_ms',
    control: { type: 'range', min: 5000, max: 30000, step: 1000 },
    description: 'Silence before a timeout (server `idle_timeout_ms`, 5000..30000).',
  },
  maxTimeouts: {
    control: { type: 'range', min: 0, max: 5, step: 1 },
    description: 'Consecutive timeouts before the session ends (0 = never).',
  },
  endGraceMs: {
    control: { type: 'range', min: 3000, max: 30000, step: 1000 },
    description: 'Grace countdown before the automatic end; "I\'m still here" cancels it.',
  },
  speed: {
    control: { type: 'range', min: 0.5, max: 10, step: 0.5 },
    description: 'Playback speed of the scripted session (1 = real time).',
  },
};

export const defaultSessionArgs: SessionStoryArgs = {
  idleTimeoutMs: 6000,
  maxTimeouts: 2,
  endGraceMs: 20000,
  speed: 2,
};

/** The idle policy of a story's args. */
export function idlePolicyOf(args: SessionStoryArgs) {
  return {
    timeoutMs: args.idleTimeoutMs,
    maxTimeouts: args.maxTimeouts > 0 ? args.maxTimeouts : null,
    endGraceMs: args.endGraceMs,
  };
}

/** A key that changes with the args, so the story restarts its session when a control moves. */
export function argsKey(args: SessionStoryArgs): string {
  return `${args.idleTimeoutMs}-${args.maxTimeouts}-${args.endGraceMs}-${args.speed}`;
}
