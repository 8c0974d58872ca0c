import { describe, expect, it } from 'vitest';
import { subscribeOncePerFrame } from '../../src/advanced.ts';
import { createRealtimeSession } from '../../src/core/index.ts';
import { createMockTransport, createVirtualClock, flushFrame, runFramesOnClock } from '../../src/testing/index.ts';

async function connectedSession() {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock });
  const session = createRealtimeSession({ transport, clock });
  await session.connect();
  let speech = 0;
  // Each call changes the session's state (the user starts, then stops speaking).
  const change = () => {
    const item = `item_${++speech}`;
    transport.emit({ type: 'input_audio_buffer.speech_started', event_id: `s${speech}`, audio_start_ms: 0, item_id: item });
    transport.emit({ type: 'input_audio_buffer.speech_stopped', event_id: `t${speech}`, audio_end_ms: 500, item_id: item });
  };
  return { clock, session, change };
}

describe('frames of once-per-frame subscribers in tests', () => {
  it('runFramesOnClock: a frame comes 16 ms of the virtual clock after the changes, once for all of them', async () => {
    const { clock, session, change } = await connectedSession();
    runFramesOnClock(session, clock);
    let calls = 0;
    subscribeOncePerFrame(session, () => calls++);
    change();
    change();
    clock.advance(15);
    expect(calls).toBe(0);
    clock.advance(1);
    expect(calls).toBe(1);
  });

  it('flushFrame runs the pending frame at once and says whether there was one', async () => {
    const { clock, session, change } = await connectedSession();
    runFramesOnClock(session, clock);
    let calls = 0;
    subscribeOncePerFrame(session, () => calls++);
    expect(flushFrame(session)).toBe(false);
    change();
    expect(flushFrame(session)).toBe(true);
    expect(calls).toBe(1);
    clock.advance(16);
    expect(calls).toBe(1);
  });

  it('the function it returns gives the session back to real frames', async () => {
    const { clock, session, change } = await connectedSession();
    const realFrames = runFramesOnClock(session, clock);
    let calls = 0;
    subscribeOncePerFrame(session, () => calls++);
    realFrames();
    change();
    clock.advance(16);
    expect(calls).toBe(0);
    expect(flushFrame(session)).toBe(true);
    expect(calls).toBe(1);
  });
});
