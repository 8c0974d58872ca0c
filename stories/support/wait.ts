/**
 * How long a play function waits for a step of a scripted session: long enough at the default
 * speed on a busy CI machine. One value, so the whole suite is tuned in one place.
 */
export const WAIT = { timeout: 30_000 };
