import { describe, expect, it } from 'vitest';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { play, scenario } from '../../src/testing/scenario/index.ts';
import type { ScenarioStep } from '../../src/testing/scenario/types.ts';

const event = (id: number) => ({ type: 'input_audio_buffer.cleared', event_id: `event_${id}` }) as never;
const steps = (...times: number[]): ScenarioStep[] => times.map((atMs, i) => ({ atMs, event: event(i) }));

async function connectedMock(options?: Parameters<typeof createMockTransport>[0]) {
  const transport = createMockTransport(options);
  await transport.connect({ signal: new AbortController().signal });
  return transport;
}

describe('play', () => {
  it('delivers each step at its time on a virtual clock, nothing before time is advanced', async () => {
    const clock = createVirtualClock(1000);
    const transport = await connectedMock();
    const received: { at: number; data: unknown }[] = [];
    transport.on('message', (data) => received.push({ at: clock.now(), data }));
    const timeline = scenario().userSays('Hi').assistantSays('Hello!').build();
    const { done } = play(timeline, { transport, clock });
    expect(received).toHaveLength(0);
    clock.advance(timeline.at(-1)!.atMs);
    const result = await done;
    expect(result).toEqual({ played: timeline.length, undelivered: 0, stopped: false });
    expect(received.map((r) => r.at - 1000)).toEqual(timeline.map((s) => s.atMs));
    expect(received.map((r) => r.data)).toEqual(timeline.map((s) => JSON.stringify((s as { event: unknown }).event)));
  });

  it('plays faster with speed, and only as far as the clock went', async () => {
    const clock = createVirtualClock();
    const times: number[] = [];
    const transport = await connectedMock();
    transport.on('message', () => times.push(clock.now()));
    play(steps(0, 100, 400, 1000), { transport, clock, speed: 4 });
    clock.advance(100);
    expect(times).toEqual([0, 25, 100]);
    clock.advance(150);
    expect(times).toEqual([0, 25, 100, 250]);
  });

  it('delivers objects when asked, drops and playback steps through the transport', async () => {
    const clock = createVirtualClock();
    const transport = await connectedMock({ playbackReporting: 'transport' });
    const log: string[] = [];
    transport.on('message', (data) => log.push(typeof data === 'string' ? 'string' : 'object'));
    transport.on('playback', (p) => log.push(`playback:${p.type}`));
    transport.on('close', (info) => log.push(`close:${info.error?.message}`));
    const timeline = scenario({ flavor: 'websocket', audio: 'placeholder' }).assistantSays('Hi', { audioMs: 200 }).disconnect({ error: 'gone' }).build();
    const { done } = play(timeline, { transport, clock, delivery: 'object' });
    clock.advance(10_000);
    const result = await done;
    expect(log).toContain('playback:started');
    expect(log).toContain('playback:stopped');
    expect(log.at(-1)).toBe('close:gone');
    expect(log.filter((l) => l === 'string')).toHaveLength(0);
    expect(result.undelivered).toBe(0);
  });

  it('counts events the closed transport did not deliver', async () => {
    const clock = createVirtualClock();
    const transport = await connectedMock();
    const { done } = play([...steps(0), { atMs: 5, transport: 'drop', error: 'x' }, ...steps(10, 20)], { transport, clock });
    clock.advance(20);
    expect(await done).toEqual({ played: 4, undelivered: 2, stopped: false });
  });

  it('stop() ends playback early', async () => {
    const clock = createVirtualClock();
    const transport = await connectedMock();
    let count = 0;
    transport.on('message', () => count++);
    const controller = play(steps(0, 10, 20, 30), { transport, clock });
    clock.advance(10);
    controller.stop();
    clock.advance(100);
    expect(count).toBe(2);
    expect(await controller.done).toMatchObject({ played: 2, stopped: true });
    expect(clock.pending()).toBe(0);
  });

  it('rejects done when a listener throws, and stops', async () => {
    const clock = createVirtualClock();
    const transport = await connectedMock();
    transport.on('message', () => {
      throw new Error('listener failed');
    });
    const { done } = play(steps(0, 10), { transport, clock });
    clock.advance(10);
    await expect(done).rejects.toThrow('listener failed');
    expect(clock.pending()).toBe(0);
  });

  it('rejects a speed that is not positive', async () => {
    const transport = await connectedMock();
    expect(() => play([], { transport, speed: 0 })).toThrow(RangeError);
  });

  it('plays in real time at the chosen speed', async () => {
    const transport = await connectedMock();
    const arrivals: number[] = [];
    const start = Date.now();
    transport.on('message', () => arrivals.push(Date.now() - start));
    // 1.2 s of timeline at 10x: about 120 ms of real time.
    await play(steps(0, 600, 1200), { transport, speed: 10 }).done;
    const elapsed = Date.now() - start;
    expect(arrivals).toHaveLength(3);
    expect(arrivals[1]).toBeGreaterThanOrEqual(59);
    expect(elapsed).toBeGreaterThanOrEqual(119);
    expect(elapsed).toBeLessThan(600); // far from real time (1200 ms), with room for a busy machine
  });

  it('an empty timeline is done at once', async () => {
    const transport = await connectedMock();
    expect(await play([], { transport }).done).toEqual({ played: 0, undelivered: 0, stopped: false });
  });
});

describe('play defaults and endsAt', () => {
  it("uses the transport's virtual clock when given no clock, and endsAt says when the last step is due", async () => {
    const clock = createVirtualClock(500);
    const transport = createMockTransport({ clock });
    await transport.connect({ signal: new AbortController().signal });
    const timeline = scenario({ audio: 'placeholder' }).userSays('Hi').assistantSays('Hello!').build();
    const controller = play(timeline, { transport, speed: 2 });
    expect(controller.endsAt).toBe(timeline.at(-1)!.atMs / 2);
    clock.advance(controller.endsAt - 1);
    expect(clock.pending()).toBe(1);
    clock.advance(1);
    expect(await controller.done).toEqual({ played: timeline.length, undelivered: 0, stopped: false });
  });

  it('counts playback steps the transport did not deliver', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock, playbackReporting: 'transport' });
    const timeline = scenario({ flavor: 'websocket', audio: 'placeholder' }).assistantSays('Hi', { audioMs: 200 }).build();
    const controller = play(timeline, { transport });
    clock.advance(controller.endsAt);
    expect((await controller.done).undelivered).toBe(timeline.length);
  });
});
