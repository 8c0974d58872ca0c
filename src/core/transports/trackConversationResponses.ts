/**
 * Which of the conversation's responses are running on one connection, as the transport sees
 * the wire: `interrupt()` sends `response.cancel` only while one runs (a cancel with nothing to
 * cancel earns an error event from the API).
 *
 * Tracked per response id, because responses overlap: an out-of-band response
 * (`response.create` with `conversation: "none"`, reported with `conversation_id: null`) can
 * run beside the conversation's own, and its `response.done` must not make the transport think
 * the conversation's response has ended. Out-of-band responses are not counted at all: a
 * `response.cancel` without `response_id` cancels the conversation's response, never theirs.
 *
 * @example
 * ```ts
 * const responses = trackConversationResponses();
 * socket.onmessage = (message) => responses.observe(JSON.parse(message.data));
 * if (responses.running()) socket.send(JSON.stringify({ type: 'response.cancel' }));
 * ```
 */
export function trackConversationResponses(): ConversationResponses {
  // Only the conversation's running responses: at most one at a time on a real server, so this
  // stays tiny; bounded anyway in case `response.done`s go missing.
  const running = new Set<string>();
  // The latest out-of-band responses, kept past their response.done: their audio can still be
  // playing (and be cut) after it.
  const outOfBand = new Set<string>();
  return {
    observe(event) {
      const type = event.type;
      if (type !== 'response.created' && type !== 'response.done') return;
      const response = typeof event.response === 'object' && event.response !== null ? event.response : {};
      const { id, conversation_id: conversationId } = response as { id?: unknown; conversation_id?: unknown };
      if (type === 'response.created') {
        if (conversationId === null) {
          if (typeof id !== 'string') return;
          if (outOfBand.size >= MAX_TRACKED) outOfBand.delete(outOfBand.values().next().value as string);
          outOfBand.add(id);
          return;
        }
        if (running.size >= MAX_TRACKED) running.clear();
        running.add(typeof id === 'string' ? id : '');
      } else if (typeof id === 'string') {
        running.delete(id);
      } else {
        // A done that names no response: the only safe reading is that nothing runs any more.
        running.clear();
      }
    },
    running: () => running.size > 0,
    isOutOfBand: (responseId) => responseId !== undefined && outOfBand.has(responseId),
  };
}

const MAX_TRACKED = 8;

/** See {@link trackConversationResponses}. */
export interface ConversationResponses {
  /** Feed every server message (already parsed); only `response.created`/`.done` matter. */
  observe(event: { type?: unknown; response?: unknown }): void;
  /** A response of the conversation has started and not yet ended. */
  running(): boolean;
  /**
   * The response is one of the latest out-of-band ones: its items are in no conversation, so
   * none may be truncated (the server would answer with an error).
   */
  isOutOfBand(responseId: string | undefined): boolean;
}
