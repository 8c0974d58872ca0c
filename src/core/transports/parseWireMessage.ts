/**
 * A server message as the session wants it: the parsed object when the data is a JSON object,
 * otherwise the text itself, which the session then reports as a protocol error (so nothing
 * the server sends is lost, even when it is not JSON).
 *
 * @example
 * ```ts
 * socket.onmessage = (event) => emitter.emit('message', parseWireMessage(event.data));
 * ```
 */
export function parseWireMessage(data: unknown): object | string {
  const raw = typeof data === 'string' ? data : String(data);
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object') return parsed;
  } catch {
    // Not JSON: handed on as text.
  }
  return raw;
}
