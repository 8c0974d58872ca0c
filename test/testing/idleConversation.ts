import { scenario } from '../../src/testing/scenario/index.ts';

/**
 * The scenario behind `src/testing/fixtures/idle-conversation.jsonl`: a short conversation
 * with an idle timeout and its re-prompt, the user coming back, and an interruption.
 * Placeholder audio keeps the committed file small.
 */
export function idleConversation() {
  return scenario({ audio: 'placeholder', audioChunkMs: 100, seed: 2026 })
    .sessionCreated({ idleTimeoutMs: 8000 })
    .silence(600)
    .userSays('Hi! Can you help me plan a trip to Lisbon?')
    .assistantSays('Of course! When would you like to go, and for how many days?')
    .idleTimeout()
    .silence(1200)
    .userSays('Sorry, I was away. Next May, for five days.')
    .assistantSays('Lovely. May is a great time for Lisbon: warm, sunny days and the festivals start in June.', { audioMs: 6000 })
    .interruption({ afterMs: 2500, userSays: 'What about hotels?' })
    .assistantSays('For five days, stay in Baixa or Chiado: central and walkable. Shall I list a few?')
    .build();
}
