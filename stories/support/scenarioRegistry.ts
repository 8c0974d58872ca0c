import type { RealtimeSession } from '../../src/index.ts';
import type { PacedClock } from './createPacedClock.ts';

/** One run of the scenario: a fresh clock, transport and session. */
export interface ScenarioRun {
  readonly clock: PacedClock;
  readonly session: RealtimeSession;
  /** Resolves once the run is on screen (and connecting, if it connects by itself). */
  readonly started: Promise<void>;
}

/** What a mounted `ScenarioSession` offers a play function. */
export interface RegisteredScenario {
  /** The run on screen now. */
  current(): ScenarioRun;
  /** Replace it with a fresh run held at time 0; returns the new run. */
  direct(): ScenarioRun;
}

// In mount order. A story frame shows one story at a time, so these are that story's sessions.
const mounted: RegisteredScenario[] = [];

/**
 * Called by `ScenarioSession` when it mounts; returns the function that removes it again.
 *
 * @example
 * ```ts
 * useLayoutEffect(() => registerScenario({ current: () => run, direct: restart }), []);
 * ```
 */
export function registerScenario(scenario: RegisteredScenario): () => void {
  mounted.push(scenario);
  return () => {
    const index = mounted.indexOf(scenario);
    if (index >= 0) mounted.splice(index, 1);
  };
}

/**
 * The `ScenarioSession`s on screen, in mount order.
 *
 * @example
 * ```ts
 * const [first] = mountedScenarios();
 * ```
 */
export function mountedScenarios(): readonly RegisteredScenario[] {
  return mounted;
}
