import { forwardRef, useId } from 'react';
import type { HTMLAttributes } from 'react';
import { kitClassName } from '../internal/kitClassName.ts';
import { useEventLog } from './useEventLog.ts';
import type { UseEventLogOptions } from './useEventLog.ts';

/** Every visible string of the event log. */
export interface EventLogLabels {
  title: string;
  filter: string;
  allTypes: string;
  clear: string;
  /** The count line, for plurals. */
  count: (shown: number, total: number) => string;
  empty: string;
}

/**
 * The default English copy. Reuse a default inside your own label to change only some cases.
 *
 * @example
 * ```tsx
 * <EventLog labels={{ count: (shown, total) => (shown === total ? `${total} events` : defaultEventLogLabels.count(shown, total)) }} />
 * ```
 */
export const defaultEventLogLabels: EventLogLabels = {
  title: 'Events',
  filter: 'Filter by type',
  allTypes: 'All types',
  clear: 'Clear',
  count: (shown, total) => `${shown} shown, ${total} received`,
  empty: 'No events yet.',
};

/** Props of {@link EventLog}. */
export interface EventLogProps extends Omit<HTMLAttributes<HTMLElement>, 'children'>, UseEventLogOptions {
  labels?: Partial<EventLogLabels>;
  /** Drop the default class names (and so the default theme). */
  unstyled?: boolean;
}

/**
 * A developer's view of every session event and raw server event, newest first: a bounded
 * ring buffer (`capacity`), a filter by type, and each event's JSON shown as text (never HTML),
 * with base64 audio and other long strings shortened (`maxStringLength`, default 160) and each
 * entry cut at `maxEntryLength` characters (default 4000), so the log holds at most about
 * `capacity × maxEntryLength` characters. Cyclic objects and BigInts are shown, never thrown on. The menu always shows the active filter,
 * even when no entry of its type is left (after Clear), and it keeps filtering by it.
 *
 * @example
 * ```tsx
 * <EventLog capacity={500} />
 * ```
 */
export const EventLog = forwardRef<HTMLElement, EventLogProps>(function EventLog(
  { capacity, maxStringLength, maxEntryLength, session, labels: labelsProp, unstyled = false, className, ...rest },
  ref,
) {
  const log = useEventLog({ capacity, maxStringLength, maxEntryLength, session });
  const labels = { ...defaultEventLogLabels, ...labelsProp };
  const titleId = useId();
  const filterId = useId();
  return (
    <section {...rest} ref={ref} aria-labelledby={titleId} className={kitClassName(unstyled, 'rrk-event-log', className)}>
      <div className={kitClassName(unstyled, 'rrk-event-log__toolbar')}>
        <strong id={titleId}>{labels.title}</strong>
        <label htmlFor={filterId}>{labels.filter}</label>
        <select
          id={filterId}
          value={log.filter ?? ''}
          onChange={(event) => log.setFilter(event.target.value === '' ? null : event.target.value)}
        >
          <option value="">{labels.allTypes}</option>
          {log.types.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
        <button type="button" className={kitClassName(unstyled, 'rrk-button')} onClick={log.clear}>
          {labels.clear}
        </button>
        <span className={kitClassName(unstyled, 'rrk-event-log__count')} aria-live="off">
          {labels.count(log.entries.length, log.total)}
        </span>
      </div>
      {log.entries.length === 0 ? (
        <p>{labels.empty}</p>
      ) : (
        // Focusable so keyboard users can scroll it.
        <ol className={kitClassName(unstyled, 'rrk-event-log__list')} tabIndex={0} aria-labelledby={titleId}>
          {log.entries.map((entry) => (
            <li key={entry.seq} className={kitClassName(unstyled, 'rrk-event-log__entry')} data-type={entry.type}>
              <details>
                <summary>
                  #{entry.seq} {entry.type}
                </summary>
                <pre className={kitClassName(unstyled, 'rrk-event-log__json')}>{entry.json}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
