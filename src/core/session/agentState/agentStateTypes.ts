/**
 * What the agent is doing, in one word, for a visualizer or a status line:
 * `session.getState().agentState`, or `useAgentState()` in React. The session derives it from
 * its own state at each commit (connection status, who speaks, the running response, tool calls
 * waiting for their output), so it never disagrees with them.
 *
 * When several hold at once, the first of this list wins:
 * - `disconnected`: not connected: never connected yet, closed, dropped, failed, or ended by
 *   the idle policy.
 * - `connecting`: `connect()` is under way.
 * - `user_speaking`: the server hears the user (`speech_started` until `speech_stopped`), even
 *   while the assistant's audio still plays: a barge-in shows at once.
 * - `speaking`: the assistant's audio is playing (`state.assistantSpeaking`: the transport's
 *   playback events, the server's `output_audio_buffer.*`, or the playback estimate). Audio
 *   still playing after its response is done is still speaking.
 * - `tool_running`: a function call waits for its output: from its
 *   `response.function_call_arguments.done` until the app sends its `function_call_output`
 *   (or a new response starts, or its response is done `failed`, `incomplete` or `cancelled`
 *   with the call's item not completed).
 * - `thinking`: the user's turn is over and the answer is not heard yet: the user stopped
 *   speaking, their audio was committed (server VAD, push-to-talk, or a server idle timeout,
 *   which re-prompts), the app sent text or a tool's output, or a conversation response runs
 *   with no audio playing yet (a text-only response thinks until it is done). A due response
 *   stops being awaited when one starts, when a conversation response whose start was missed
 *   is done, or on a server `error` (it may never come). A transcription-only session makes
 *   nothing due.
 * - `listening`: connected and none of the above.
 *
 * So an interruption is `user_speaking` at once, then `thinking`; an `error` from the server
 * ends a wait for a response (back to `listening` unless something else holds); a server idle
 * timeout is `thinking` (its re-prompt follows), one of the client clock stays `listening`; a
 * disconnect is `disconnected` and forgets what was due. An out-of-band response
 * (`conversation: "none"`) is not the conversation's: it never makes the agent think. Details
 * and examples: docs/agent-state.md.
 *
 * @example
 * ```ts
 * const labels: Record<AgentState, string> = {
 *   disconnected: 'Offline', connecting: 'Connecting…', listening: 'Listening', user_speaking: 'Hearing you',
 *   thinking: 'Thinking…', tool_running: 'Working on it…', speaking: 'Speaking',
 * };
 * session.subscribe((state) => (status.textContent = labels[state.agentState]));
 * ```
 */
export type AgentState =
  | 'disconnected'
  | 'connecting'
  | 'listening'
  | 'user_speaking'
  | 'thinking'
  | 'tool_running'
  | 'speaking';
