import { waitFor, within } from 'storybook/test';
import type { TranscriptRole } from '../../src/index.ts';
import { WAIT } from './wait.ts';

// Queries scoped to the element a check means. Text alone is ambiguous on these pages: the
// event log's JSON repeats every transcript text, and one sentence can match several rows.

/**
 * The transcript (`role="log"`) with this accessible name.
 *
 * @example
 * ```ts
 * const log = transcriptLog(canvasElement);
 * ```
 */
export function transcriptLog(canvasElement: HTMLElement, name: string | RegExp = 'Conversation'): HTMLElement {
  return within(canvasElement).getByRole('log', { name });
}

function matches(text: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}

/**
 * Wait until the log holds exactly one row of `role` whose text matches `text`, and return it
 * (the element with `data-role`, which also carries `data-status`).
 *
 * @example
 * ```ts
 * const row = await findTranscriptRow(log, 'assistant', /Lisbon is lovely/);
 * await expect(row).toHaveAttribute('data-status', 'completed');
 * ```
 */
export function findTranscriptRow(log: HTMLElement, role: TranscriptRole, text: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const rows = [...log.querySelectorAll<HTMLElement>(`[data-role="${role}"]`)].filter((row) =>
      matches(row.textContent ?? '', text),
    );
    if (rows.length !== 1) throw new Error(`Expected one ${role} row matching ${String(text)} in the log, found ${rows.length}.`);
    return rows[0]!;
  }, WAIT);
}

/**
 * Wait for the idle marker rows in the log (the silent user items of timeouts); returns them.
 *
 * @example
 * ```ts
 * const [marker] = await findIdleMarkers(log);
 * ```
 */
export function findIdleMarkers(log: HTMLElement): Promise<HTMLElement[]> {
  return waitFor(() => {
    const markers = [...log.querySelectorAll<HTMLElement>('[data-kind="idle_timeout"]')];
    if (markers.length === 0) throw new Error('No idle marker in the log.');
    return markers;
  }, WAIT);
}

/**
 * The connection indicator (the `role="status"` element with `data-status`).
 *
 * @example
 * ```ts
 * await waitFor(() => expect(connectionIndicator(canvasElement)).toHaveAttribute('data-status', 'connected'));
 * ```
 */
export function connectionIndicator(canvasElement: HTMLElement): HTMLElement {
  const found = within(canvasElement)
    .getAllByRole('status')
    .filter((element) => element.hasAttribute('data-status'));
  if (found.length !== 1) throw new Error(`Expected one connection indicator, found ${found.length}.`);
  return found[0]!;
}

/**
 * The idle banner's root (the `role="status"` region with `data-phase`), open or closed.
 *
 * @example
 * ```ts
 * await expect(idleBanner(canvasElement)).toHaveAttribute('data-state', 'open');
 * ```
 */
export function idleBanner(canvasElement: HTMLElement): HTMLElement {
  const found = [...canvasElement.querySelectorAll<HTMLElement>('[data-phase][data-state]')];
  if (found.length !== 1) throw new Error(`Expected one idle banner, found ${found.length}.`);
  return found[0]!;
}
