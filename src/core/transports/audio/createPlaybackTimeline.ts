/** Which assistant audio a chunk belongs to: what `conversation.item.truncate` needs to name. */
export interface PlaybackSource {
  itemId: string;
  contentIndex: number;
  responseId?: string;
}

/** What was heard of the item that was playing when playback stopped early. */
export interface PlaybackCut extends PlaybackSource {
  /** Milliseconds of this item actually played: the `audio_end_ms` of a truncate. */
  playedMs: number;
}

/**
 * Bookkeeping of scheduled assistant audio on a clock in seconds (an `AudioContext`'s
 * `currentTime`), separate from Web Audio so the math is testable in Node.
 */
export interface PlaybackTimeline {
  /** Place a chunk of `durationSec` right after the previous one (or now, after an underrun). Returns its start time. */
  schedule(source: PlaybackSource, durationSec: number, now: number): number;
  /** Milliseconds of an item heard by `now`; gaps between chunks do not count. */
  playedMs(itemId: string, now: number): number;
  /** The item audible at `now` or the last one that started before it; null before any. */
  current(now: number): PlaybackSource | null;
  /** Time at which everything scheduled has played. */
  endsAt(): number;
  /** True while scheduled audio remains at `now`. */
  isPlaying(now: number): boolean;
  /**
   * Forget everything (after stopping the sources) and report what was cut: the item whose audio
   * covers `now`, else the next one scheduled after it (still in its lead, or after an underrun),
   * with the milliseconds heard of it (0 if none). Null when nothing remained to be played.
   */
  clear(now: number): PlaybackCut | null;
}

interface ItemRecord extends PlaybackSource {
  /** [start, end) pairs in seconds. */
  segments: Array<[number, number]>;
}

/**
 * Create the timeline behind gapless playback. Chunks are scheduled back to back at the tail;
 * when the tail is in the past (the network fell behind) the next chunk starts `leadSec` from now
 * instead, and the silence in between is not counted as heard.
 *
 * @example
 * ```ts
 * const timeline = createPlaybackTimeline();
 * const at = timeline.schedule({ itemId: 'item_1', contentIndex: 0 }, 0.2, ctx.currentTime);
 * source.start(at);
 * timeline.playedMs('item_1', ctx.currentTime + 0.1); // about 100 minus the lead
 * ```
 */
export function createPlaybackTimeline(options: { leadSec?: number; keepItems?: number } = {}): PlaybackTimeline {
  const leadSec = options.leadSec ?? 0.02;
  // Only recent items can still be truncated; older records are dropped to bound memory.
  const keepItems = options.keepItems ?? 4;
  const items = new Map<string, ItemRecord>();
  let tail = 0;

  const playedSec = (record: ItemRecord, now: number) =>
    record.segments.reduce((sum, [start, end]) => sum + Math.max(0, Math.min(now, end) - start), 0);

  const current = (now: number): ItemRecord | null => {
    let found: ItemRecord | null = null;
    let foundStart = -Infinity;
    for (const record of items.values()) {
      for (const [start] of record.segments) {
        if (start <= now && start >= foundStart) {
          found = record;
          foundStart = start;
        }
      }
    }
    return found;
  };

  return {
    schedule(source, durationSec, now) {
      const start = tail > now ? tail : now + leadSec;
      const end = start + Math.max(0, durationSec);
      let record = items.get(source.itemId);
      if (!record) {
        record = { ...source, segments: [] };
        items.set(source.itemId, record);
        while (items.size > keepItems) {
          const oldest = items.keys().next().value as string;
          items.delete(oldest);
        }
      }
      const last = record.segments[record.segments.length - 1];
      if (last && last[1] === start) last[1] = end;
      else record.segments.push([start, end]);
      tail = end;
      return start;
    },
    playedMs(itemId, now) {
      const record = items.get(itemId);
      return record ? toMs(playedSec(record, now)) : 0;
    },
    current(now) {
      const record = current(now);
      return record ? toSource(record) : null;
    },
    endsAt: () => tail,
    isPlaying: (now) => tail > now,
    clear(now) {
      // The item being heard at `now`, or (within the lead before it starts, or in an underrun
      // gap) the next one to be heard; an item that already played in full is not cut.
      let cutRecord: ItemRecord | null = null;
      let cutStart = Infinity;
      if (tail > now) {
        for (const record of items.values()) {
          for (const [start, end] of record.segments) {
            if (end > now && start < cutStart) {
              cutRecord = record;
              cutStart = start;
            }
          }
        }
      }
      const cut = cutRecord ? { ...toSource(cutRecord), playedMs: toMs(playedSec(cutRecord, now)) } : null;
      items.clear();
      tail = 0;
      return cut;
    },
  };
}

// Floor, so a truncate never claims more than was played, but forgive float noise
// (0.35 - 0.1 is 0.24999999999999997 seconds, which is 250 ms).
function toMs(seconds: number): number {
  return Math.floor(seconds * 1000 + 1e-6);
}

function toSource(record: ItemRecord): PlaybackSource {
  const source: PlaybackSource = { itemId: record.itemId, contentIndex: record.contentIndex };
  if (record.responseId !== undefined) source.responseId = record.responseId;
  return source;
}
