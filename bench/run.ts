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
import { buildTranscriptStream } from './buildTranscriptStream.ts';
import { createAgentsRealtimePipeline } from './createAgentsRealtimePipeline.ts';
import { createKitPipeline } from './createKitPipeline.ts';
import { collectGarbage, interleaved, median, pairedRatio } from './measure.ts';
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
console.log(`# stream: ${messages.length} messages, ${audioDeltas} audio deltas, ${(bytes / 1e6).toFixed(2)} MB of JSON; ${rounds} rounds, median`);

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
const feed = (deliver: (data: string) => void) => () => {
  for (const message of messages) deliver(message);
};

const pipeline = await interleaved(
  {
    jsonParse: () => feed((data) => {
      sink += (JSON.parse(data) as { type: string }).type.length;
    }),
    parseServerEvent: () => feed((data) => {
      sink += parseServerEvent(data).ok ? 1 : 0;
    }),
    kit: async () => feed(await createKitPipeline()),
    agentsRealtime: async () => feed(await createAgentsRealtimePipeline()),
  },
  { warmup, rounds },
);
const perMessage = (samples: number[]) => `${((median(samples) * 1000) / messages.length).toFixed(2)} µs/message`;
console.log(`# JSON.parse alone: ${perMessage(pipeline.jsonParse)}`);
console.log(`# parseServerEvent: ${perMessage(pipeline.parseServerEvent)} (JSON.parse + validation, no session; ${pairedRatio(pipeline.parseServerEvent, pipeline.jsonParse).toFixed(2)}x JSON.parse)`);
console.log(`# kit pipeline:     ${perMessage(pipeline.kit)}`);
console.log(`# agents-realtime:  ${perMessage(pipeline.agentsRealtime)}`);
console.log(`pipeline_overhead_ratio=${pairedRatio(pipeline.kit, pipeline.jsonParse).toFixed(2)}`);

// Transcript scaling: two sessions, prefilled through real wire events, then the same deltas.
const deltaCount = 2000;
async function prefilledSession(items: number) {
  const stream = buildTranscriptStream(items, deltaCount);
  const transport = createBenchTransport();
  const session = createRealtimeSession({ transport, clock: createVirtualClock(), idle: { timeoutMs: 8000 } });
  session.subscribe(() => {});
  await session.connect();
  for (const message of stream.prefill) transport.deliver(message);
  const length = session.getState().transcript.items.length;
  return { deliver: transport.deliver, deltas: stream.deltas, length };
}
const small = await prefilledSession(10);
const large = await prefilledSession(10_000);
collectGarbage();
console.log(`# transcript: ${small.length - 1} vs ${large.length - 1} items before the answer that streams ${deltaCount} deltas per round`);
const scaling = await interleaved(
  {
    small: () => () => {
      for (const delta of small.deltas) small.deliver(delta);
    },
    large: () => () => {
      for (const delta of large.deltas) large.deliver(delta);
    },
  },
  { warmup, rounds },
);
const perDelta = (samples: number[]) => `${((median(samples) * 1000) / deltaCount).toFixed(2)} µs/delta`;
console.log(`# delta after ${small.length - 1} items: ${perDelta(scaling.small)}; after ${large.length - 1} items: ${perDelta(scaling.large)}`);
console.log(`transcript_scaling_ratio=${pairedRatio(scaling.large, scaling.small).toFixed(2)}`);

console.log(`agents_realtime_ratio=${pairedRatio(pipeline.kit, pipeline.agentsRealtime).toFixed(2)}`);
if (byType) {
  console.log('\n# per event type (median of 15 rounds, each message timed alone):');
  console.log(formatTypeCosts(await measureByType(messages, createKitPipeline, 15)));
}

// `sink` keeps the baseline's JSON.parse results observable, so it cannot be optimized away.
console.log(`# done in ${((performance.now() - started) / 1000).toFixed(1)} s (checksum ${sink % 997})`);
