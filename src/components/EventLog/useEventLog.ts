import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RealtimeSession, SessionEvent } from '../../core/session/types.ts';
import { useRealtimeEvents } from '../../react/index.ts';
import { createRingBuffer } from './createRingBuffer.ts';
import { stringifyForLog } from './stringifyForLog.ts';

/** One logged event. The JSON is made once, with long strings cut, so memory stays bounded. */
export interface EventLogEntry {
  /** Increasing number, unique in this log. */
  seq: number;
  /** The session event type, or `server:<wire type>` for raw server events. */
  type: string;
  /**
   * Pretty JSON of the event; strings longer than `maxStringLength` are shortened, the whole
   * is cut at `maxEntryLength`, cycles show as `"[Circular]"` and BigInts as `"123n"`.
   */
  json: string;
}

/** Options of {@link useEventLog}. */
export interface UseEventLogOptions {
  /** Entries kept; older ones are dropped (default 200). Changing it keeps the newest entries. */
  capacity?: number;
  /** Strings longer than this (base64 audio) are cut in the JSON (default 160). */
  maxStringLength?: number;
  /**
   * Each entry's JSON is cut at about this many characters, with a note (default 4000), so
   * that memory stays bounded at about `capacity × maxEntryLength` characters however big an
   * event is (a 20,000-element array included).
   */
  maxEntryLength?: number;
  /** An explicit session instead of the provider's. */
  session?: RealtimeSession;
}

/** What {@link useEventLog} returns. */
export interface UseEventLogResult {
  /** Newest first, after the filter. */
  entries: readonly EventLogEntry[];
  /**
   * Every type in the buffer, sorted, for a filter menu; the active `filter` is always one of
   * them, even once no entry of its type is left (after `clear()`, or when the buffer dropped
   * them).
   */
  types: readonly string[];
  /** The type shown, or null for all. */
  filter: string | null;
  setFilter: (type: string | null) => void;
  /** Entries seen over the log's life, dropped ones included. */
  total: number;
  clear: () => void;
}

/** The label of one event in the log. */
function entryType(event: SessionEvent): string {
  return event.type === 'server_event' ? `server:${event.event.type}` : event.type;
}

/**
 * Collect the session's events into a bounded ring buffer for a developer log. Re-renders at
 * most once per animation frame however fast events arrive.
 *
 * @example
 * ```tsx
 * const log = useEventLog({ capacity: 500 });
 * return <pre>{log.entries.map((entry) => entry.type).join('\n')}</pre>;
 * ```
 */
export function useEventLog(options: UseEventLogOptions = {}): UseEventLogResult {
  const { capacity = 200, maxStringLength = 160, maxEntryLength = 4000, session } = options;
  const [buffer, setBuffer] = useState(() => createRingBuffer<EventLogEntry>(capacity));
  // A new capacity keeps the newest entries (adjusting state while rendering, as React's docs
  // advise for state derived from a prop) instead of starting an empty log.
  if (buffer.capacity !== capacity) setBuffer(createRingBuffer(capacity, buffer));
  const seq = useRef(0);
  const [version, setVersion] = useState(0);
  const [filter, setFilter] = useState<string | null>(null);
  const frame = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (frame.current !== null) clearTimeout(frame.current);
    },
    [],
  );

  useRealtimeEvents(
    '*',
    (event) => {
      // A custom server event (defineServerEvents) is not a SessionEvent, but its dotted wire type
      // is never 'server_event', so it is logged under that type.
      const type = entryType(event as SessionEvent);
      seq.current += 1;
      // Events carry server data: it may be huge, cyclic or hold BigInts, and must not throw here.
      const json = stringifyForLog(event, { maxStringLength, maxLength: maxEntryLength });
      buffer.push({ seq: seq.current, type, json });
      // One render per frame (16 ms) at most, whatever the event rate.
      if (frame.current === null) {
        frame.current = setTimeout(() => {
          frame.current = null;
          setVersion((v) => v + 1);
        }, 16);
      }
    },
    session ? { session } : undefined,
  );

  const clear = useCallback(() => {
    buffer.clear();
    setVersion((v) => v + 1);
  }, [buffer]);

  // `version` is the signal that the buffer changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const all = useMemo(() => buffer.toArray().reverse(), [buffer, version]);
  const entries = useMemo(
    () => (filter === null ? all : all.filter((entry) => entry.type === filter)),
    [all, filter],
  );
  // The types still in the buffer: a dropped event's type leaves the menu with it, except the
  // active filter, which stays offered (with 0 entries) so the menu never hides what filters
  // the list. It keeps filtering: events of that type arriving later show up.
  const types = useMemo(() => {
    const present = new Set(all.map((entry) => entry.type));
    if (filter !== null) present.add(filter);
    return [...present].sort();
  }, [all, filter]);

  return { entries, types, filter, setFilter, total: buffer.total, clear };
}
