import { isValidElement } from 'react';
import type { ReactElement, ReactNode } from 'react';

/**
 * What each part prop of `VoiceSessionView` takes: `false` hides the part, an element
 * replaces it (rendered where the part goes), and an object gives props to the default part
 * (`true` or leaving it out shows the default part as is).
 *
 * @example
 * ```tsx
 * const composer: VoiceSessionViewPart<MessageComposerProps> = { labels: { placeholder: 'Ask away…' } };
 * ```
 */
export type VoiceSessionViewPart<Props> = boolean | ReactElement | Props;

/**
 * The node of one part: nothing for `false`, the element given, or the default part rendered
 * with the props given (none for `true` or `undefined`).
 */
export function renderPart<Props extends object>(
  part: VoiceSessionViewPart<Props> | undefined,
  renderDefault: (props: Partial<Props>) => ReactNode,
): ReactNode {
  if (part === false) return null;
  if (isValidElement(part)) return part;
  return renderDefault(part === true || part === undefined ? {} : (part as Partial<Props>));
}

/** Class names joined, empty ones left out; `undefined` when none remain. */
export function joinClassNames(...names: (string | undefined | false)[]): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined || undefined;
}
