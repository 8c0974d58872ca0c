import { scenario } from '../src/testing/scenario/index.ts';

export interface TranscriptStream {
  /** Transcript items before the answer in progress. */
  items: number;
  /** Wire events that leave `items` transcript items and one assistant answer in progress. */
  prefill: string[];
  /** Transcript deltas for the answer in progress. */
  deltas: string[];
}

/**
 * A transcript of `items` items built from real wire events (user turns and assistant answers,
 * WebRTC flavour so no audio payloads), then `deltaCount` transcript deltas of one more answer.
 */
export function buildTranscriptStream(items: number, deltaCount: number): TranscriptStream {
  const builder = scenario({ seed: 7, flavor: 'webrtc' });
  for (let i = 0; i < items; i++) {
    if (i % 2 === 0) builder.userSays(`Question number ${i}?`, { deltas: 1 });
    else builder.assistantSays(`Answer number ${i}.`, { deltas: 1, audioMs: 800 });
  }
  const words = Array.from({ length: deltaCount }, (_, i) => (i === 0 ? 'word' : ' word'));
  builder.assistantSays(words.join(''), { deltas: words, audioMs: deltaCount * 200 });

  const events = builder.build().flatMap((step) => ('event' in step ? [step.event] : []));
  const lastCreated = events.findLastIndex((event) => event.type === 'response.created');
  const responseId = (events[lastCreated] as { response: { id: string } }).response.id;
  const isDelta = (event: (typeof events)[number]) =>
    event.type === 'response.output_audio_transcript.delta' && event.response_id === responseId;
  const firstDelta = events.findIndex(isDelta);
  return {
    items,
    prefill: events.slice(0, firstDelta).map((event) => JSON.stringify(event)),
    deltas: events.filter(isDelta).map((event) => JSON.stringify(event)),
  };
}
