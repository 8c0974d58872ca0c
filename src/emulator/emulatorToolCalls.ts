/**
 * A client function call the emulator makes in answer to a user turn, in place of a spoken
 * reply: it streams the call (`response.function_call_arguments.delta/.done` and the
 * `function_call` item), then waits for the client's `function_call_output` and `response.create`
 * before it speaks the follow-up (which repeats the output, see `defaultEmulatorScript`).
 *
 * @example
 * ```ts
 * const call: EmulatorToolCall = { name: 'get_weather', arguments: { city: 'Paris' }, whenUserWrites: 'weather' };
 * createRealtimeEmulator({ toolCalls: [call] });
 * ```
 */
export interface EmulatorToolCall {
  /** The function tool to call. The call is made only while the session declares it (`session.tools`). */
  name: string;
  /** The arguments: an object (sent as JSON text), or text sent exactly as given (to test bad JSON). */
  arguments: Record<string, unknown> | string;
  /**
   * Make the call only on a typed user message containing this text (case-insensitive).
   * Default: on the next user turn, spoken or typed.
   */
  whenUserWrites?: string;
}

/** One function call's output as the client sent it, for the follow-up reply. */
export interface EmulatorToolOutput {
  name: string;
  callId: string;
  /** The `function_call_output` item's `output` text. */
  output: string;
}

/**
 * Take the first call of `queue` (removing it) that fits this user turn: its tool is declared as
 * a function tool in `tools`, and its `whenUserWrites`, if any, is in the typed `userText`.
 * Every session gets its own copy of the queue, so each call is made once per session.
 *
 * @example
 * ```ts
 * const queue = [{ name: 'get_weather', arguments: { city: 'Paris' } }];
 * takeToolCall(queue, [{ type: 'function', name: 'get_weather' }], null); // the call; queue is now empty
 * ```
 */
export function takeToolCall(queue: EmulatorToolCall[], tools: unknown, userText: string | null): EmulatorToolCall | null {
  const declared = new Set(
    (Array.isArray(tools) ? (tools as Array<{ type?: unknown; name?: unknown }>) : [])
      .filter((tool) => tool?.type === 'function' && typeof tool.name === 'string')
      .map((tool) => tool.name as string),
  );
  const index = queue.findIndex(
    (call) =>
      declared.has(call.name) &&
      (call.whenUserWrites === undefined || (userText ?? '').toLowerCase().includes(call.whenUserWrites.toLowerCase())),
  );
  if (index < 0) return null;
  return queue.splice(index, 1)[0] ?? null;
}

/**
 * The call's arguments as the wire carries them (JSON text).
 *
 * @example
 * ```ts
 * argumentsText({ name: 'get_weather', arguments: { city: 'Paris' } }); // '{"city":"Paris"}'
 * ```
 */
export function argumentsText(call: EmulatorToolCall): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
}

/**
 * Split the arguments text into the deltas the emulator streams (a few characters each, as the
 * model's tokens come).
 *
 * @example
 * ```ts
 * argumentDeltas('{"city":"Paris"}'); // ['{"city"', ':"Paris', '"}']
 * ```
 */
export function argumentDeltas(text: string, size = 7): string[] {
  const deltas: string[] = [];
  for (let at = 0; at < text.length; at += size) deltas.push(text.slice(at, at + size));
  return deltas.length ? deltas : [''];
}
