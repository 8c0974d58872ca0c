import type { EmulatorToolOutput } from './emulatorToolCalls.ts';

/** Why the emulator is about to answer. */
export interface EmulatorReplyContext {
  /** `tool`: a `response.create` after the client sent the outputs of the emulator's function calls. */
  reason: 'speech' | 'text' | 'idle' | 'request' | 'tool';
  /** Replies given so far in this session. */
  turn: number;
  /** Consecutive idle timeouts, this one included (for `reason: 'idle'`). */
  idleCount: number;
  /** The user's text for `reason: 'text'`. */
  userText: string | null;
  /** For `reason: 'tool'`: the outputs the client sent since the function call, in order. */
  toolOutputs?: readonly EmulatorToolOutput[];
}

/** What the emulator says. Both functions are optional; the defaults below fill the gaps. */
export interface EmulatorScript {
  /** The assistant's reply text (spoken as synthetic audio with this transcript). */
  reply?(context: EmulatorReplyContext): string;
  /** The transcript of the user's speech turn number `turn` (sent when input transcription is on). */
  userTranscript?(context: { turn: number }): string;
}

const SPOKEN_REPLIES = [
  'Hello! This is the local Realtime emulator.',
  'Sure. Tell me more about that.',
  'Got it. Anything else?',
];

/**
 * The default replies: short answers to speech, an echo of typed text, the re-prompt
 * "Are you still there?" after an idle timeout, and after a tool call the outputs the client
 * sent, word for word ("The get_weather tool returned {"tempC":21}.").
 *
 * @example
 * ```ts
 * createRealtimeEmulator({ script: { reply: (c) => (c.reason === 'idle' ? 'Still with me?' : defaultEmulatorScript.reply(c)) } });
 * ```
 */
export const defaultEmulatorScript: Required<EmulatorScript> = {
  reply(context) {
    if (context.reason === 'idle') return context.idleCount > 1 ? 'I will wait. Say something when you are back.' : 'Are you still there?';
    if (context.reason === 'text' && context.userText) return `You wrote: ${context.userText}`;
    if (context.reason === 'tool' && context.toolOutputs?.length) {
      return context.toolOutputs.map((output) => `The ${output.name} tool returned ${output.output}.`).join(' ');
    }
    return SPOKEN_REPLIES[context.turn % SPOKEN_REPLIES.length] ?? 'Okay.';
  },
  userTranscript: () => 'Hello, can you hear me?',
};
