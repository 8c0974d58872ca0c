// The demo mode's lifecycle on a virtual clock: connect then play, disconnect stops every timer,
// a reconnect replays, a loop restarts only a demo that ended by itself.
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/core/index.ts';
import { createDemoSession, createVirtualClock, demoTimeline, scenario } from '../../src/testing/index.ts';

/** Connect a demo on a virtual clock: the mock's 300 ms handshake runs on that clock. */
async function connect(demo: ReturnType<typeof createDemoSession>, clock: ReturnType<typeof createVirtualClock>) {
  const connecting = demo.connect();
  await clock.advanceAsync(300);
  await connecting;
}

const rows = (demo: ReturnType<typeof createDemoSession>) =>
  demo.getState().transcript.items.map((item) => `${item.role}:${item.kind}`);

describe('createDemoSession', () => {
  it('plays nothing before connecting, then the default scenario once connected: the idle timeout and its re-prompt', async () => {
    const clock = createVirtualClock();
    const demo = createDemoSession({ clock });
    await clock.advanceAsync(60_000);
    expect(demo.getState().status).toBe('idle');
    expect(demo.getState().transcript.items).toHaveLength(0);

    await connect(demo, clock);
    expect(demo.getState().status).toBe('connected');
    await clock.advanceAsync(demoTimeline().at(-1)!.atMs + 1);
    expect(demo.getState().idle.last).toMatchObject({ source: 'server', count: 1 });
    expect(rows(demo)).toContain('user:idle_timeout');
    const lastAssistant = demo.getState().transcript.items.filter((item) => item.role === 'assistant').at(-1);
    expect(lastAssistant).toMatchObject({ text: 'Are you still there?', status: 'completed' });
  });

  it('the default idle policy keeps the banner up for the next silences, then ends the session (maxTimeouts 3)', async () => {
    const clock = createVirtualClock();
    const demo = createDemoSession({ clock });
    await connect(demo, clock);
    await clock.advanceAsync(10 * 60_000);
    expect(demo.getState().idle).toMatchObject({ phase: 'ended', timeouts: 3 });
    expect(demo.getState().status).toBe('disconnected');
    // Nothing left running: no playback, no idle timer, no loop.
    expect(clock.pending()).toBe(0);
  });

  it('disconnect() stops the playback and every demo timer', async () => {
    const clock = createVirtualClock();
    const demo = createDemoSession({ clock });
    await connect(demo, clock);
    await clock.advanceAsync(2_000);
    const seen = demo.getState().transcript.items.length;
    demo.disconnect();
    expect(clock.pending()).toBe(0);
    await clock.advanceAsync(60_000);
    expect(demo.getState().transcript.items).toHaveLength(seen);
    expect(demo.getState().idle.last).toBeNull();
  });

  it('a reconnect plays the scenario again from its start, with new rows (a function timeline)', async () => {
    const clock = createVirtualClock();
    let built = 0;
    const demo = createDemoSession({
      clock,
      timeline: () => {
        built++;
        return scenario().sessionCreated({ idleTimeoutMs: 8000 }).userSays('Hi').assistantSays('Hello!').build();
      },
    });
    await connect(demo, clock);
    await clock.advanceAsync(20_000);
    expect(rows(demo)).toEqual(['user:message', 'assistant:message']);
    demo.disconnect();

    await connect(demo, clock);
    await clock.advanceAsync(20_000);
    expect(built).toBe(2);
    expect(rows(demo)).toEqual(['user:message', 'assistant:message', 'user:message', 'assistant:message']);
  });

  it('speed runs the script and the session clock faster together: 4x plays the timeout in a quarter of the time', async () => {
    const timeline = demoTimeline();
    const timeoutAt = timeline.find((step) => 'event' in step && step.event.type === 'input_audio_buffer.timeout_triggered')!.atMs;
    const clock = createVirtualClock();
    const demo = createDemoSession({ clock, speed: 4, timeline });
    const connecting = demo.connect();
    await clock.advanceAsync(300 / 4);
    await connecting;
    await clock.advanceAsync(timeoutAt / 4 - 1);
    expect(demo.getState().idle.last).toBeNull();
    await clock.advanceAsync(2);
    expect(demo.getState().idle.last).toMatchObject({ source: 'server' });
    // Session time reads in demo seconds: the silence it measured is the scripted one.
    expect(demo.getState().idle.last!.idleMs).toBeGreaterThanOrEqual(8000);
  });

  it('loop: a demo the idle policy ended connects again after loopDelayMs and replays', async () => {
    const clock = createVirtualClock();
    const statuses: string[] = [];
    const demo = createDemoSession({ clock, loop: true, loopDelayMs: 5000, idle: { timeoutMs: 8000, maxTimeouts: 1, endGraceMs: 5000 } });
    demo.on('status_changed', (event) => statuses.push(event.status));
    await connect(demo, clock);
    // The timeout ends the session after the grace; the loop reconnects 5 s later.
    while (demo.getState().idle.phase !== 'ending') await clock.advanceAsync(100);
    await clock.advanceAsync(demo.getState().idle.endsAt! - clock.now());
    expect(demo.getState().idle.phase).toBe('ended');
    expect(demo.getState().status).toBe('disconnected');
    await clock.advanceAsync(4_999);
    expect(demo.getState().status).toBe('disconnected');
    await clock.advanceAsync(1 + 300);
    expect(demo.getState().status).toBe('connected');
    expect(statuses).toEqual(['connecting', 'connected', 'disconnected', 'connecting', 'connected']);
    await clock.advanceAsync(60_000);
    expect(demo.getState().transcript.items.filter((item) => item.kind === 'idle_timeout')).toHaveLength(2);
  });

  it('loop: a dropped connection in the script restarts too; a disconnect() by the user does not', async () => {
    const clock = createVirtualClock();
    const dropping = () => scenario().sessionCreated({ idleTimeoutMs: 8000 }).userSays('Hi').disconnect({ error: 'lost' }).build();
    const demo = createDemoSession({ clock, loop: true, loopDelayMs: 1000, timeline: dropping });
    const connects: SessionEvent[] = [];
    demo.on('status_changed', (event) => {
      if (event.status === 'connected') connects.push(event);
    });
    await connect(demo, clock);
    while (demo.getState().status === 'connected') await clock.advanceAsync(500);
    expect(demo.getState().status).toBe('error');
    await clock.advanceAsync(1000 + 300);
    expect(connects).toHaveLength(2);

    demo.disconnect();
    await clock.advanceAsync(60_000);
    expect(demo.getState().status).toBe('disconnected');
    expect(connects).toHaveLength(2);
    expect(clock.pending()).toBe(0);
  });

  it('without loop, an ended demo stays ended', async () => {
    const clock = createVirtualClock();
    const demo = createDemoSession({ clock, idle: { timeoutMs: 8000, maxTimeouts: 1, endGraceMs: 5000 } });
    await connect(demo, clock);
    await clock.advanceAsync(10 * 60_000);
    expect(demo.getState().status).toBe('disconnected');
    expect(clock.pending()).toBe(0);
  });

  it('once the user answers the banner, the default demo goes on: the assistant welcomes them back', async () => {
    const clock = createVirtualClock();
    const demo = createDemoSession({ clock });
    await connect(demo, clock);
    await clock.advanceAsync(demoTimeline().at(-1)!.atMs + 1);
    const assistantTexts = () => demo.getState().transcript.items.filter((item) => item.role === 'assistant').map((item) => item.text);
    expect(assistantTexts().some((text) => text.startsWith('Welcome back'))).toBe(false);

    demo.stillHere();
    await clock.advanceAsync(20_000);
    expect(assistantTexts().at(-1)).toBe('Welcome back! Shall I suggest a dinner place for Saturday too?');
    // Once per connection: answering the next banner adds nothing.
    while (demo.getState().idle.phase !== 'timed_out') await clock.advanceAsync(500);
    demo.stillHere();
    await clock.advanceAsync(20_000);
    expect(assistantTexts().filter((text) => text.startsWith('Welcome back'))).toHaveLength(1);
  });

  it('an answer while the script still plays waits for its end; none without an answer, with afterUserReturns: false, or after a disconnect', async () => {
    const clock = createVirtualClock();
    const followUps: string[] = [];
    // The script goes on for 5 s after the timeout's re-prompt (a last event then).
    const timeline = scenario().sessionCreated({ idleTimeoutMs: 8000 }).assistantSays('Hi').idleTimeout().silence(5000).sessionUpdated({ idleTimeoutMs: 8000 }).build();
    const scriptEnd = timeline.at(-1)!.atMs;
    const demo = createDemoSession({
      clock,
      timeline,
      afterUserReturns: (played) => {
        followUps.push('built');
        return scenario({ after: played }).assistantSays('Welcome back').build();
      },
    });
    await connect(demo, clock);
    while (demo.getState().idle.phase !== 'timed_out') await clock.advanceAsync(100);
    demo.stillHere();
    const connectedAt = 300;
    await clock.advanceAsync(connectedAt + scriptEnd - clock.now() - 1);
    expect(demo.getState().transcript.items.some((item) => item.text === 'Welcome back')).toBe(false);
    await clock.advanceAsync(20_000);
    expect(demo.getState().transcript.items.some((item) => item.text === 'Welcome back')).toBe(true);

    const silent = createDemoSession({ clock, afterUserReturns: false });
    await connect(silent, clock);
    await clock.advanceAsync(demoTimeline().at(-1)!.atMs + 1);
    silent.stillHere();
    await clock.advanceAsync(20_000);
    expect(silent.getState().transcript.items.some((item) => item.text.startsWith('Welcome back'))).toBe(false);

    silent.disconnect();
    demo.disconnect();
    expect(clock.pending()).toBe(0);

    // Answered, then gone before the script ended: no follow-up, no timer left behind.
    const ownClock = createVirtualClock();
    const leaving = createDemoSession({ clock: ownClock, timeline, afterUserReturns: () => scenario().assistantSays('Too late').build() });
    await connect(leaving, ownClock);
    while (leaving.getState().idle.phase !== 'timed_out') await ownClock.advanceAsync(100);
    leaving.stillHere();
    leaving.disconnect();
    await ownClock.advanceAsync(0);
    expect(ownClock.pending()).toBe(0);
  });

  it('refuses a speed or loop delay that is not a positive number', () => {
    expect(() => createDemoSession({ speed: 0 })).toThrow(/speed must be a positive number, got 0/);
    expect(() => createDemoSession({ speed: Number.NaN })).toThrow(RangeError);
    expect(() => createDemoSession({ loopDelayMs: -1 })).toThrow(/loopDelayMs/);
  });
});
