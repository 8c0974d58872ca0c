import { useLayoutEffect, useRef, useState } from 'react';
import { registerScenario, type ScenarioRun } from './scenarioRegistry.ts';

/**
 * The run a story session component shows, registered for play functions: `directScenario()`
 * replaces it with a fresh run held at time 0. `createRun` must be a module-level function.
 *
 * @example
 * ```tsx
 * const run = useDirectableRun(props, createRun);
 * ```
 */
export function useDirectableRun<Props, Run extends ScenarioRun>(
  props: Props,
  createRun: (props: Props, directed: boolean) => Run,
): Run {
  const [run, setRun] = useState<Run>(() => createRun(props, false));
  const latest = useRef({ run, props, createRun });
  useLayoutEffect(() => {
    latest.current = { run, props, createRun };
  });

  // Registered once, in a layout effect, so a play function finds it as soon as the story is on
  // screen, and at the same place in the registry after a restart (stories with two sessions).
  useLayoutEffect(
    () =>
      registerScenario({
        current: () => latest.current.run,
        direct: () => {
          const next = latest.current.createRun(latest.current.props, true);
          setRun(next);
          return next;
        },
      }),
    [],
  );
  return run;
}
