import { scenario } from '../../src/testing/index.ts';
import type { Timeline } from '../../src/testing/index.ts';

// Every timeline is built by the scenario builder, so each event is protocol-valid. WebRTC
// flavour: no audio deltas on the data channel, `output_audio_buffer.*` says when audio plays.
const base = () => scenario({ flavor: 'webrtc', audio: 'placeholder' });

/**
 * A conversation streams in; then the user goes quiet and the server's idle timeout fires. It
 * ends there: the banner stays until the user answers it (see {@link conversationFollowUp}) or
 * the idle policy ends the session.
 */
export function conversationTimeline(idleTimeoutMs: number): Timeline {
  return base()
    .sessionCreated({ idleTimeoutMs })
    .userSays('Hi! Can you help me plan a weekend in Lisbon?')
    .assistantSays(
      'Of course! Lisbon is lovely in spring. Do you prefer museums, food, or walking around the old neighbourhoods?',
    )
    .userSays('Mostly food, and a bit of walking.')
    .assistantSays(
      'Then start in Alfama in the morning, have grilled sardines for lunch, and end the day at the Time Out Market.',
    )
    .idleTimeout()
    .build();
}

/** What follows once the user answers the banner: they speak again and the assistant goes on. */
export function conversationFollowUp(after: Timeline): Timeline {
  return scenario({ flavor: 'webrtc', audio: 'placeholder', after })
    .userSays('Yes, sorry, I was writing that down.')
    .assistantSays('No problem. Shall I suggest a dinner place for Saturday too?')
    .build();
}

/** Timeouts in a row, with re-prompts, until the policy ends the session. */
export function escalationTimeline(idleTimeoutMs: number, timeouts = 3): Timeline {
  let builder = base()
    .sessionCreated({ idleTimeoutMs })
    .userSays('What is the weather tomorrow?')
    .assistantSays('Tomorrow will be sunny, around 24 degrees.');
  for (let i = 0; i < timeouts; i += 1) {
    builder = builder.idleTimeout({ reprompt: i === 0 ? 'Are you still there?' : 'Hello? I can end the call if you are done.' });
  }
  return builder.build();
}

/** Semantic VAD: the server has no idle timeout, so the client's silence clock stands in. */
export function semanticVadTimeline(): Timeline {
  return base()
    .sessionCreated({ turnDetection: 'semantic_vad' })
    .userSays('Can you read me the shopping list?')
    .assistantSays('Sure: eggs, milk, bread, and tomatoes.')
    .silence(120_000)
    .build();
}

/** The user cuts the assistant off mid-sentence. */
export function interruptionTimeline(idleTimeoutMs: number): Timeline {
  return base()
    .sessionCreated({ idleTimeoutMs })
    .userSays('Tell me about the history of Lisbon.')
    .assistantSays(
      'Lisbon is one of the oldest cities in western Europe, older than London, Paris and Rome. It was ruled by Phoenicians, Romans and Moors before',
      { audioMs: 9000 },
    )
    .interruption({ afterMs: 2500, userSays: 'Sorry, just the short version please.' })
    .assistantSays('Short version: very old, rebuilt after the 1755 earthquake, and beautiful.')
    .build();
}

/** A server error, then the connection drops. */
export function errorTimeline(): Timeline {
  return base()
    .sessionCreated({ idleTimeoutMs: 8000 })
    .userSays('Book me a table for two.', { transcription: 'failed' })
    .assistantSays('Let me check what is available.')
    .error({ type: 'server_error', code: 'server_error', message: 'The server had an error while processing your request.' })
    .silence(800)
    .disconnect({ error: 'The network connection was lost.' })
    .build();
}

let longTimeline: Timeline | null = null;

/** 10,000 transcript items (5,000 exchanges), built once and delivered at once. */
export function longSessionTimeline(): Timeline {
  if (longTimeline) return longTimeline;
  let builder = base().sessionCreated({ idleTimeoutMs: null });
  for (let i = 1; i <= 5000; i += 1) {
    builder = builder
      .userSays(`Question number ${i}?`, { deltas: 1, durationMs: 400 })
      .assistantSays(`Answer number ${i}.`, { modality: 'text', deltas: 1 });
  }
  longTimeline = builder.build();
  return longTimeline;
}
