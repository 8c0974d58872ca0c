/**
 * Replay `element`'s CSS entrance animation and hold it at its very first frame while `check`
 * runs, then let it play. A check of visibility inside is then exact: it sees what a person
 * sees the moment the element appears, however late the play function got to look. With
 * reduced motion nothing animates, and `check` runs on the element as it is.
 *
 * @example
 * ```ts
 * await atEntranceStart(banner, () => expect(title).toBeVisible());
 * ```
 */
export async function atEntranceStart(element: HTMLElement, check: () => Promise<void>): Promise<void> {
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) return check();
  // Removing and restoring the animation restarts it (a reflow in between makes it count).
  element.style.animation = 'none';
  void element.offsetWidth;
  element.style.animation = '';
  const animations = element.getAnimations();
  if (animations.length === 0) throw new Error('Expected an entrance animation on the element (normal motion).');
  for (const animation of animations) {
    animation.pause();
    animation.currentTime = 0;
  }
  try {
    await check();
  } finally {
    for (const animation of animations) animation.play();
  }
}
