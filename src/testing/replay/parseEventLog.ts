import type { ServerEvent } from '../../core/protocol/index.ts';
import type { PlaybackEvent } from '../../core/transport/RealtimeTransport.ts';
import type { ScenarioStep } from '../scenario/types.ts';

/**
 * A line of an event log that could not be read.
 *
 * @example
 * ```ts
 * for (const { line, message } of parseEventLog(text).problems) console.warn(`line ${line}: ${message}`);
 * ```
 */
export interface EventLogProblem {
  /** 1-based line number in the log. */
  line: number;
  message: string;
  /** The line as written (cut to 200 characters). */
  text: string;
}

/**
 * What {@link parseEventLog} read.
 *
 * @example
 * ```ts
 * const { steps, problems }: ParsedEventLog = parseEventLog(text);
 * ```
 */
export interface ParsedEventLog {
  /** Readable lines as timeline steps, in log order. */
  steps: ScenarioStep[];
  /** Lines that were skipped, with why. */
  problems: EventLogProblem[];
}

/**
 * Options of {@link parseEventLog}.
 *
 * @example
 * ```ts
 * parseEventLog(rawEventsWithoutTimes, { gapMs: 50 });
 * ```
 */
export interface ParseEventLogOptions {
  /** Milliseconds between consecutive lines that carry no time. Default 0. */
  gapMs?: number;
}

/**
 * Read a recorded session: JSON Lines, one object per line, either a raw server event
 * (`{"type":"...", ...}`), a timed one (`{"t": 1200, "event": {...}}`), or a transport step
 * (`{"t": 5000, "transport": "drop", "error": "..."}`, `{"t": 900, "playback": {"type": "stopped"}}`).
 * Times are milliseconds; the first timed line sets the origin (it plays right after the lines
 * before it) unless an `{"origin": ms}` line before the first step sets it (what
 * {@link formatEventLog} writes for a timeline that does not start at 0), untimed lines follow the
 * previous one after `gapMs`. A line whose `t` goes back in time is delivered at the previous
 * line's time (logs merged from two sources are rarely in perfect order), not dropped.
 * Blank lines, a leading byte order mark and comment lines (starting with `#` or `//`) are
 * skipped. Bad lines are reported with their line number and skipped, never thrown. Events are not validated
 * against the protocol here: replaying unknown or odd events is what a recording is for.
 *
 * @example
 * ```ts
 * const { steps, problems } = parseEventLog(
 *   '{"t":0,"event":{"type":"input_audio_buffer.speech_started","event_id":"event_1","audio_start_ms":0,"item_id":"item_1"}}\n' +
 *   'not json\n',
 * );
 * problems; // [{ line: 2, message: 'malformed JSON: ...', text: 'not json' }]
 * ```
 */
export function parseEventLog(jsonl: string, options: ParseEventLogOptions = {}): ParsedEventLog {
  const gapMs = options.gapMs ?? 0;
  const steps: ScenarioStep[] = [];
  const problems: EventLogProblem[] = [];
  let origin: number | undefined;
  let lastAt = 0;
  const lines = jsonl.replace(/^\uFEFF/, '').split(/\r?\n/);

  lines.forEach((text, index) => {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) return;
    const report = (message: string) => problems.push({ line: index + 1, message, text: text.slice(0, 200) });
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return report(`malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!isObject(value)) return report('expected a JSON object');

    if ('origin' in value && !('event' in value) && !('type' in value)) {
      if (typeof value.origin !== 'number' || !Number.isFinite(value.origin)) return report('"origin" must be a finite number of milliseconds');
      if (steps.length > 0 || origin !== undefined) return report('"origin" must come before the first step');
      origin = value.origin;
      return;
    }

    let atMs = steps.length === 0 ? 0 : lastAt + gapMs;
    let t: number | undefined;
    if ('t' in value) {
      if (typeof value.t !== 'number' || !Number.isFinite(value.t)) return report('"t" must be a finite number of milliseconds');
      t = value.t;
      if (origin !== undefined) atMs = t - origin;
      // Back in time: delivered at the previous line's time, in log order.
      if (atMs < lastAt) atMs = lastAt;
    }

    let step: ScenarioStep;
    if ('event' in value) {
      if (!isObject(value.event) || typeof value.event.type !== 'string') return report('"event" must be an object with a string "type"');
      step = { atMs, event: value.event as ServerEvent };
    } else if ('transport' in value) {
      if (value.transport !== 'drop') return report(`unknown transport step ${JSON.stringify(value.transport)} (expected "drop")`);
      step = { atMs, transport: 'drop', error: typeof value.error === 'string' ? value.error : 'Connection lost' };
    } else if ('playback' in value) {
      const playback = value.playback;
      if (!isObject(playback) || !['started', 'stopped', 'interrupted'].includes(String(playback.type))) {
        return report('"playback" must be an object with type "started", "stopped" or "interrupted"');
      }
      step = { atMs, playback: playback as unknown as PlaybackEvent };
    } else if (typeof value.type === 'string') {
      step = { atMs, event: value as ServerEvent };
    } else {
      return report('expected a server event with a string "type", or {"t", "event"}');
    }
    // Only a line that was read sets the origin of time.
    if (t !== undefined) origin ??= t - atMs;
    steps.push(step);
    lastAt = atMs;
  });
  return { steps, problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
