/**
 * The class names of a kit element: the kit's own `rrk-…` class (what the default theme in
 * `styles.css` selects) followed by the user's `className`; with `unstyled`, only the user's.
 * One rule for every component and part, so `unstyled` and `className` mean the same everywhere.
 * An empty result is `undefined`, so React leaves out the attribute instead of writing `class=""`.
 *
 * @example
 * ```tsx
 * <div className={kitClassName(unstyled, 'rrk-idle-banner', className)} />
 * ```
 */
export function kitClassName(unstyled: boolean, kitClass: string, userClass?: string): string | undefined {
  if (unstyled) return userClass || undefined;
  return userClass ? `${kitClass} ${userClass}` : kitClass;
}
