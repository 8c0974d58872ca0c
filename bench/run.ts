/**
 * `npm run bench`: the cost of the kit's hot path, printed as three ratios (see BENCHMARKS.md).
 *
 * - pipeline_overhead_ratio: per message, transport 'message' -> parse, validate, session
 *   events and state, divided by JSON.parse alone on the same strings.
 * - transcript_scaling_ratio: per transcript delta, with 10,000 items in the transcript
 *   divided by with 10.
 * - agents_realtime_ratio: our per-message cost divided by @openai/agents-realtime's
 *   WebSocket transport on the same strings.
 *
 * Flags: `--quick` (fewer rounds), `--by-type` (also a table of the cost per event type).
 */
import { cpus } from 'node:os';
import { buildMixedStream } from './buildMixedStream.ts';
import { buildTranscriptStream, type TranscriptStream } from './buildTranscriptStream.ts';
import { createAgentsRealtimePipeline } from './createAgentsRealtimePipeline.ts';
import { createKitPipeline } from './createKitPipeline.ts';
import { measureChunked } from './measure.ts';
import { parseServerEvent } from '../src/core/protocol/index.ts';
import { createRealtimeSession } from '../src/core/session/index.ts';
import { createVirtualClock } from '../src/testing/createVirtualClock.ts';
import { createBenchTransport } from './createBenchTransport.ts';
import { formatTypeCosts, measureByType } from './measureByType.ts';

const started = performance.now();
const byType = process.argv.includes('--by-type');
const quick = process.argv.includes('--quick');
const rounds = quick ? 5 : 21;
const warmup = quick ? 2 : 5;

const messages = buildMixedStream();
const bytes = messages.reduce((sum, m) => sum + m.length, 0);
const audioDeltas = messages.filter((m) => m.includes('"response.output_audio.delta"')).length;
console.log(`# node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, gc between rounds: ${typeof (globalThis as { gc?: unknown }).gc === 'function'}`);
console.log(`# stream: ${messages.length} messages, ${audioDeltas} audio deltas, ${(bytes / 1e6).toFixed(2)} MB of JSON; ${rounds} rounds; sum over chunks of 250 messages of the median chunk time`);

// Sanity check: the stream is one the session accepts without a single error.
{
  const transport = createBenchTransport();
  const session = createRealtimeSession({ transport, clock: createVirtualClock(), idle: { timeoutMs: 8000 } });
  let errors = 0;
  let timeouts = 0;
  session.on('input_audio_timeout_triggered', () => timeouts++);
  session.on('error', (event) => {
    if (errors++ === 0) console.error('# first error:', event.error.message);
  });
  await session.connect();
  for (const message of messages) transport.deliver(message);
  const items = session.getState().transcript.items.length;
  if (errors > 0 || items === 0) throw new Error(`The bench stream is not a clean session: ${errors} errors, ${items} transcript items`);
  console.log(`# through a session: ${items} transcript items, ${timeouts} idle timeouts, no errors`);
}

let sink = 0;
const pipeline = await measureChunked(
  messages,
  {
    jsonParse: () => (data) => {
      sink += (JSON.parse(data) as { type: string }).type.length;
    },
    parseServerEvent: () => (data) => {
      sink += parseServerEvent(data).ok ? 1 : 0;
    },
    kit: createKitPipeline,
    agentsRealtime: createAgentsRealtimePipeline,
  },
  { warmup, rounds, chunkSize: 250 },
);
const perMessage = (ms: number) => `${((ms * 1000) / messages.length).toFixed(2)} µs/message`;
console.log(`# JSON.parse alone: ${perMessage(pipeline.jsonParse)}`);
console.log(`# parseServerEvent: ${perMessage(pipeline.parseServerEvent)} (JSON.parse + validation, no session)`);
console.log(`# kit pipeline:     ${perMessage(pipeline.kit)}`);
console.log(`# agents-realtime:  ${perMessage(pipeline.agentsRealtime)}`);
console.log(`pipeline_overhead_ratio=${(pipeline.kit / pipeline.jsonParse).toFixed(2)}`);

// Transcript scaling: two sessions prefilled through real wire events (kept across rounds),
// then the same number of transcript deltas into each one's answer in progress.
const deltaCount = 2000;
const small = buildTranscriptStream(10, deltaCount);
const large = buildTranscriptStream(10_000, deltaCount);
function prefilled(stream: TranscriptStream): () => Promise<(data: string) => void> {
  let ready: Promise<(data: string) => void> | undefined;
  return () =>
    (ready ??= (async () => {
      const transport = createBenchTransport();
      const session = createRealtimeSession({ transport, clock: createVirtualClock(), idle: { timeoutMs: 8000 } });
      session.subscribe(() => {});
      await session.connect();
      for (const message of stream.prefill) transport.deliver(message);
      const items = session.getState().transcript.items.length;
      if (items !== stream.items + 1) throw new Error(`prefill left ${items} transcript items, expected ${stream.items + 1}`);
      return transport.deliver;
    })());
}
console.log(`# transcript: ${small.items} vs ${large.items} items before the answer that streams ${deltaCount} deltas per round`);
const scaling = await measureChunked(
  small.deltas,
  { small: prefilled(small), large: prefilled(large) },
  { warmup, rounds, chunkSize: 250, messagesFor: { large: large.deltas } },
);
const perDelta = (ms: number) => `${((ms * 1000) / deltaCount).toFixed(2)} µs/delta`;
console.log(`# delta after ${small.items} items: ${perDelta(scaling.small)}; after ${large.items} items: ${perDelta(scaling.large)}`);
console.log(`transcript_scaling_ratio=${(scaling.large / scaling.small).toFixed(2)}`);
console.log(`agents_realtime_ratio=${(pipeline.kit / pipeline.agentsRealtime).toFixed(2)}`);

if (byType) {
  console.log('\n# per event type (median of 15 rounds, each message timed alone):');
  console.log(formatTypeCosts(await measureByType(messages, createKitPipeline, 15)));
}

// `sink` keeps the baseline's JSON.parse results observable, so it cannot be optimized away.
console.log(`# done in ${((performance.now() - started) / 1000).toFixed(1)} s (checksum ${sink % 997})`);
