/** A visible string, or a function of the component's state (for plurals and numbers). */
export type Label<State> = string | ((state: State) => string);

/**
 * Turn a {@link Label} into the string to show. Kept tiny and shared so every component
 * accepts translations the same way.
 *
 * @example
 * ```ts
 * resolveLabel((s: { n: number }) => `${s.n} reminders`, { n: 2 }); // "2 reminders"
 * ```
 */
export function resolveLabel<State>(label: Label<State>, state: State): string {
  return typeof label === 'function' ? label(state) : label;
}
