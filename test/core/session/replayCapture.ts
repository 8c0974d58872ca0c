import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRealtimeSession } from '../../../src/core/session/index.ts';
import type { IdlePolicy, RealtimeSession, SessionEvent } from '../../../src/core/session/index.ts';
import { createMockTransport } from '../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../src/testing/createVirtualClock.ts';
import { parseEventLog } from '../../../src/testing/replay/parseEventLog.ts';

/** A server event as the capture holds it: raw wire JSON, not validated here. */
export type WireEvent = { type: string } & Record<string, unknown>;

/** The captures in test/fixtures/captures (see test/fixtures/README.md for the source of each). */
export const CAPTURES = [
  'beta-text-response',
  'beta-response-failed',
  'ga-sip-call-cut-off',
  'transcription-session',
  'spec-idle-timeout',
  'spec-error',
  'spec-out-of-band',
  'spec-mcp-call-failed',
  'spec-nullable-fields',
] as const;
export type CaptureName = (typeof CAPTURES)[number];

/** The server events of one capture, in order. A line the log reader cannot read fails the test. */
export function loadCapture(name: CaptureName): WireEvent[] {
  const path = fileURLToPath(new URL(`../../fixtures/captures/${name}.jsonl`, import.meta.url));
  const { steps, problems } = parseEventLog(readFileSync(path, 'utf8'));
  if (problems.length > 0) throw new Error(`${name}.jsonl: ${JSON.stringify(problems)}`);
  return steps.map((step) => {
    if (!('event' in step)) throw new Error(`${name}.jsonl: only server events are expected, got ${JSON.stringify(step)}`);
    return step.event as unknown as WireEvent;
  });
}

export interface CaptureReplay {
  session: RealtimeSession;
  transport: ReturnType<typeof createMockTransport>;
  /** The capture's server events. */
  wire: WireEvent[];
  /** Every session event emitted while the capture played (and after, until the test ends). */
  events: SessionEvent[];
}

/**
 * Connect a real session over the mock transport and deliver the capture's events one by one,
 * as JSON text like a socket does. `afterEach` runs after each event was handled, to look at
 * the state part-way through.
 */
export async function replayCapture(
  name: CaptureName,
  options: { idle?: Partial<IdlePolicy>; afterEach?: (event: WireEvent, session: RealtimeSession) => void } = {},
): Promise<CaptureReplay> {
  const clock = createVirtualClock(1000);
  const transport = createMockTransport({ clock });
  const session = createRealtimeSession({ transport, clock, ...(options.idle ? { idle: options.idle } : {}) });
  const events: SessionEvent[] = [];
  session.on('*', (event) => events.push(event));
  await session.connect();
  const wire = loadCapture(name);
  for (const event of wire) {
    if (!transport.emit(event)) throw new Error(`${name}: the transport was not connected for ${event.type}`);
    options.afterEach?.(event, session);
  }
  return { session, transport, wire, events };
}

const DELTA_TYPES = new Set([
  'response.output_audio_transcript.delta',
  'response.audio_transcript.delta',
  'response.output_text.delta',
  'response.text.delta',
  'conversation.item.input_audio_transcription.delta',
]);
const FINAL_TEXT_FIELD: Record<string, string> = {
  'response.output_audio_transcript.done': 'transcript',
  'response.audio_transcript.done': 'transcript',
  'response.output_text.done': 'text',
  'response.text.done': 'text',
  'conversation.item.input_audio_transcription.completed': 'transcript',
};

/**
 * The text each item must show, from the capture alone: its deltas joined, replaced by the final
 * text when the server sent one (`*.done`, `transcription.completed`).
 */
export function expectedTexts(wire: readonly WireEvent[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const event of wire) {
    const itemId = event.item_id;
    if (typeof itemId !== 'string') continue;
    if (DELTA_TYPES.has(event.type) && typeof event.delta === 'string') {
      texts.set(itemId, (texts.get(itemId) ?? '') + event.delta);
    }
    const field = FINAL_TEXT_FIELD[event.type];
    if (field !== undefined && typeof event[field] === 'string') texts.set(itemId, event[field]);
  }
  return texts;
}

/** The errors a session reported, by source. */
export function errorsOf(events: readonly SessionEvent[], source?: string) {
  return events.flatMap((event) => (event.type === 'error' && (source === undefined || event.error.source === source) ? [event.error] : []));
}
