import { scenario } from '../src/testing/scenario/index.ts';

const questions = [
  'What is the weather like in Lisbon next week?',
  'Can you book me a table for two at eight?',
  'How long does the train to Porto take?',
  'Remind me to call my sister tomorrow morning.',
  'What was the score of the game last night?',
];
const answers = [
  'Next week in Lisbon looks warm and mostly sunny, with highs around twenty four degrees and a light breeze from the sea in the afternoons.',
  'Sure. I found a table for two at eight o clock at a small place near the river. Shall I confirm the booking under your name?',
  'The fast train to Porto takes about two hours and fifty minutes, and there are departures roughly every hour during the day.',
  'Done. I will remind you tomorrow at nine in the morning to call your sister. Is there anything else you want me to add?',
  'The home team won three to one after a strong second half, with two goals in the last fifteen minutes of the match.',
];

/**
 * A realistic mixed server stream, as the JSON strings a socket delivers: conversation turns
 * with audio deltas of real size (40 ms = 1920 bytes of PCM16 24 kHz, base64), transcript
 * deltas, item and response events, idle timeouts, a tool call and an interruption.
 */
export function buildMixedStream(turns = 24): string[] {
  const builder = scenario({ seed: 42, audioChunkMs: 40 }).sessionCreated({ idleTimeoutMs: 8000 });
  for (let i = 0; i < turns; i++) {
    builder.userSays(questions[i % questions.length]!);
    if (i % 7 === 3) builder.toolCall('lookup', { query: questions[i % questions.length], limit: 3 });
    builder.assistantSays(answers[i % answers.length]!, { audioMs: 4000 + (i % 4) * 500 });
    if (i % 8 === 5) builder.interruption({ afterMs: 1500, userSays: 'Sorry, one more thing.' });
    if (i % 6 === 2) builder.idleTimeout();
  }
  return builder.build().flatMap((step) => ('event' in step ? [JSON.stringify(step.event)] : []));
}
