import { describe, expect, it } from 'vitest';
import { createPlaybackTimeline } from '../../../../src/core/transports/audio/createPlaybackTimeline.ts';

const item = (itemId: string, responseId = 'resp_1') => ({ itemId, contentIndex: 0, responseId });

describe('createPlaybackTimeline', () => {
  it('schedules chunks back to back after a short lead', () => {
    const timeline = createPlaybackTimeline({ leadSec: 0.05 });
    expect(timeline.schedule(item('a'), 0.2, 10)).toBeCloseTo(10.05);
    expect(timeline.schedule(item('a'), 0.2, 10.01)).toBeCloseTo(10.25);
    expect(timeline.endsAt()).toBeCloseTo(10.45);
    expect(timeline.isPlaying(10.4)).toBe(true);
    expect(timeline.isPlaying(10.46)).toBe(false);
  });

  it('counts only audio actually heard: not the lead, not an underrun gap', () => {
    const timeline = createPlaybackTimeline({ leadSec: 0.1 });
    timeline.schedule(item('a'), 0.5, 0); // plays 0.1..0.6
    expect(timeline.playedMs('a', 0.05)).toBe(0);
    expect(timeline.playedMs('a', 0.35)).toBe(250);
    // The network fell behind: the next chunk arrives at 1.0, after the first ended.
    expect(timeline.schedule(item('a'), 0.5, 1.0)).toBeCloseTo(1.1);
    expect(timeline.playedMs('a', 1.0)).toBe(500);
    expect(timeline.playedMs('a', 1.3)).toBe(700);
    expect(timeline.playedMs('a', 5)).toBe(1000);
  });

  it('reports the cut for a truncate: the current item and the milliseconds heard', () => {
    const timeline = createPlaybackTimeline({ leadSec: 0 });
    timeline.schedule(item('a'), 1, 0);
    timeline.schedule(item('b', 'resp_2'), 2, 0.5);
    expect(timeline.current(0.5)?.itemId).toBe('a');
    expect(timeline.current(1.5)?.itemId).toBe('b');
    const cut = timeline.clear(1.75);
    expect(cut).toEqual({ itemId: 'b', contentIndex: 0, responseId: 'resp_2', playedMs: 750 });
    expect(timeline.isPlaying(1.75)).toBe(false);
    expect(timeline.playedMs('b', 10)).toBe(0);
  });

  it('reports no cut when everything already played', () => {
    const timeline = createPlaybackTimeline({ leadSec: 0 });
    timeline.schedule(item('a'), 1, 0);
    expect(timeline.clear(2)).toBeNull();
  });

  it('keeps a bounded number of items', () => {
    const timeline = createPlaybackTimeline({ leadSec: 0, keepItems: 2 });
    timeline.schedule(item('a'), 1, 0);
    timeline.schedule(item('b'), 1, 0);
    timeline.schedule(item('c'), 1, 0);
    expect(timeline.playedMs('a', 10)).toBe(0);
    expect(timeline.playedMs('c', 10)).toBe(1000);
  });

  it('cuts the item still in its lead at 0 ms (an interrupt right after the first chunk)', () => {
    const timeline = createPlaybackTimeline({ leadSec: 0.02 });
    timeline.schedule(item('a'), 0.5, 0); // plays 0.02..0.52
    expect(timeline.clear(0.01)).toEqual({ itemId: 'a', contentIndex: 0, responseId: 'resp_1', playedMs: 0 });
  });

  it('after an underrun, cuts the new item in its lead, not the previous one that played in full', () => {
    const timeline = createPlaybackTimeline({ leadSec: 0.02 });
    timeline.schedule(item('a'), 0.1, 0); // 0.02..0.12, fully played by 0.5
    timeline.schedule(item('b', 'resp_2'), 0.5, 0.5); // 0.52..1.02
    expect(timeline.clear(0.51)).toEqual({ itemId: 'b', contentIndex: 0, responseId: 'resp_2', playedMs: 0 });
  });

  it('in an underrun gap of one item, cuts it with the milliseconds heard so far', () => {
    const timeline = createPlaybackTimeline({ leadSec: 0.02 });
    timeline.schedule(item('a'), 0.1, 0); // 0.02..0.12
    timeline.schedule(item('a'), 0.1, 0.2); // 0.22..0.32
    expect(timeline.clear(0.21)).toEqual({ itemId: 'a', contentIndex: 0, responseId: 'resp_1', playedMs: 100 });
  });
});
