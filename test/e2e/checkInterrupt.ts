import type { Page } from 'playwright-core';

/** How much of the reply plays before the interrupt (page clock, from `audio_started`). */
const HEARD_BEFORE_INTERRUPT_MS = 800;
/**
 * Rounds before giving up. A round only counts when the reply was still playing at the
 * interrupt: on a loaded machine the page can stall past the whole ~3.6 s reply, and then
 * there is nothing left to cut (no truncate, no clear), which is correct, not a failure.
 */
const MAX_ROUNDS = 4;

interface RoundStart {
  /** Index into `window.__e2e.events` before the round's text was sent. */
  from: number;
  /** Index at the interrupt click: what came after it is the interrupt's outcome. */
  clickedAt: number;
}

type WireEvent = { type: string; at: number; [key: string]: unknown };

/**
 * Interrupt a playing reply (`session.interrupt()` through the page's button) and prove it was
 * cut where it was heard: over WebSocket the transport sends `conversation.item.truncate` with
 * the milliseconds it played, and the server confirms exactly that (`conversation.item.truncated`
 * equal to the `audio_interrupted` event's `audioEndMs`, short of the whole reply); over WebRTC
 * the server clears its output buffer (`output_audio_buffer.cleared`). A round in which the reply
 * had already finished playing when the click ran is repeated.
 */
export async function checkInterruptCutsReply(page: Page, transport: 'webrtc' | 'websocket'): Promise<string> {
  const playedOut: string[] = [];
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const start = await page.evaluate(sendThenInterrupt, HEARD_BEFORE_INTERRUPT_MS);
    // The outcome: a cut (truncated / cleared) or proof that the reply had ended first.
    const outcome = await page
      .waitForFunction(
        ({ from, clickedAt, transport }) => {
          const events = window.__e2e.events;
          const after = events.slice(clickedAt);
          // The round's reply: the first audio to start after the send.
          const started = events.slice(from).find((e) => e.type === 'audio_started');
          const beforeClick = events.slice(from, clickedAt);
          if (transport === 'websocket') {
            const cut = after.find((e) => e.type === 'audio_interrupted' && typeof e.audioEndMs === 'number');
            if (cut) {
              const truncated = events.slice(from).find((e) => e.type === 'conversation.item.truncated' && e.item_id === cut.itemId);
              return truncated ? { kind: 'cut', cut, truncated } : null;
            }
            // Nothing was playing any more: the player had drained (audio_stopped before the click)
            // or its last chunk had ended on the audio clock before its `ended` event ran.
            const ended = beforeClick.some((e) => e.type === 'audio_stopped' && e.itemId === started?.itemId);
            const nothingCut = after.some((e) => e.type === 'audio_interrupted');
            return ended || nothingCut ? { kind: 'played out', seen: after.map((e) => e.type) } : null;
          }
          const cleared = after.find((e) => e.type === 'output_audio_buffer.cleared');
          if (cleared) return { kind: 'cut' };
          // The server's media had played out before the clear reached it.
          const ended = events.slice(from).some((e) => e.type === 'output_audio_buffer.stopped' && e.response_id === started?.responseId);
          return ended ? { kind: 'played out', seen: after.map((e) => e.type) } : null;
        },
        { ...start, transport },
        { timeout: 10000 },
      )
      .then((handle) => handle.jsonValue() as Promise<{ kind: string; cut?: WireEvent; truncated?: WireEvent; seen?: string[] }>)
      .catch(async (error: unknown) => {
        // Say what happened instead: the session events since the send, errors in full.
        const seen = await page.evaluate(
          (from) =>
            window.__e2e.events
              .slice(from)
              .map((e) => (e.type === 'error' ? JSON.stringify(e) : `${e.type}@${Math.round(e.at)}`))
              .join(', '),
          start.from,
        );
        throw new Error(`no cut confirmed (${String(error).split('\n')[0]}); events since send: ${seen}`);
      });
    if (outcome.kind === 'played out') {
      playedOut.push(`round ${round}: ${outcome.seen?.join(' ') ?? ''}`);
      // Let the emulator settle (the cancelled-or-done reply) before the next round sends again.
      await page.waitForFunction((from) => window.__e2e.events.slice(from).some((e) => e.type === 'response.done'), start.from, {
        timeout: 10000,
      });
      continue;
    }
    const retried = playedOut.length ? ` (after ${playedOut.length} round(s) whose reply had played out before the click)` : '';
    if (transport === 'webrtc') return `output_audio_buffer.cleared by the server${retried}`;
    const heard = outcome.cut?.audioEndMs as number;
    const truncated = outcome.truncated as WireEvent & { audio_end_ms: number; item_id: string };
    if (truncated.audio_end_ms !== heard) {
      throw new Error(`truncated ${JSON.stringify(truncated)} does not match what was heard ${JSON.stringify(outcome.cut)}`);
    }
    // At least most of the wait was heard (the scheduling lead aside): the cut is where it was heard,
    // not at 0. The emulator refuses an audio_end_ms beyond the item's audio, so this is short of the end.
    if (heard < HEARD_BEFORE_INTERRUPT_MS / 2) throw new Error(`audio_end_ms ${heard}, after ${HEARD_BEFORE_INTERRUPT_MS} ms of playing`);
    return `conversation.item.truncated at ${heard} ms heard, as the player measured${retried}`;
  }
  throw new Error(`in ${MAX_ROUNDS} rounds the reply always finished playing before the interrupt: ${playedOut.join('; ')}`);
}

// Runs in the page: send the text, wait for its audio to start, let `heardMs` of it play, then
// press Interrupt, all in the page (no round trip to the runner between start and click).
async function sendThenInterrupt(heardMs: number): Promise<RoundStart> {
  const events = window.__e2e.events;
  const from = events.length;
  (document.getElementById('send-text') as HTMLButtonElement).click();
  const deadline = performance.now() + 15000;
  while (!events.slice(from).some((e) => e.type === 'audio_started')) {
    if (performance.now() > deadline) throw new Error('the reply never started playing');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await new Promise((resolve) => setTimeout(resolve, heardMs));
  const clickedAt = events.length;
  (document.getElementById('interrupt') as HTMLButtonElement).click();
  return { from, clickedAt };
}
