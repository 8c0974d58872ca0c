/**
 * How long a play function waits for the page to show a state: the scenario holds still at that
 * state (`directScenario().runUntil`), so this only bounds React's commit and a frame or two on
 * a busy machine, never a race with the script. One value, so the whole suite is tuned in one place.
 */
export const WAIT = { timeout: 30_000 };
