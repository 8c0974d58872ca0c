import { createPlaybackTimeline, type PlaybackCut, type PlaybackSource } from './createPlaybackTimeline.ts';
import { pcm16ToFloat, REALTIME_PCM_SAMPLE_RATE } from './pcm16.ts';

/** Gapless player of assistant PCM16 chunks. */
export interface AudioPlayer {
  /** Queue one chunk right after the previous one. */
  enqueue(source: PlaybackSource, pcm: Int16Array): void;
  /** The server sent all audio of this response (or of everything, without an id). */
  markDone(responseId?: string): void;
  /** Stop now; returns what was cut, with the milliseconds heard of that item. */
  stop(): PlaybackCut | null;
  /** Milliseconds of an item heard so far. */
  playedMs(itemId: string): number;
  isPlaying(): boolean;
  /** The node everything plays through, on its way to the speakers: tap it to measure what is heard. */
  readonly output: AudioNode;
}

/** What {@link createAudioPlayer} reports: when assistant audio starts and stops being heard. */
export interface AudioPlayerCallbacks {
  onStarted?(source: PlaybackSource): void;
  /** Everything queued has played and the server said no more is coming. */
  onStopped?(source: PlaybackSource, playedMs: number): void;
}

/**
 * Play `response.output_audio.delta` chunks back to back on an AudioContext. Each chunk becomes
 * an `AudioBufferSourceNode` started exactly at the previous one's end, so there are no gaps or
 * clicks between network chunks; the timeline remembers what was heard for truncation.
 *
 * @example
 * ```ts
 * const player = createAudioPlayer(context, { onStopped: () => console.log('done playing') });
 * player.enqueue({ itemId, contentIndex: 0, responseId }, bytesToPcm16(base64ToBytes(delta)));
 * ```
 */
export function createAudioPlayer(context: AudioContext, callbacks: AudioPlayerCallbacks = {}): AudioPlayer {
  const timeline = createPlaybackTimeline();
  const output = context.createGain();
  output.connect(context.destination);
  const sources = new Set<AudioBufferSourceNode>();
  let playing: PlaybackSource | null = null;
  let streamDone = false;

  const finishIfDrained = () => {
    if (!playing || !streamDone || sources.size > 0) return;
    const finished = playing;
    playing = null;
    callbacks.onStopped?.(finished, timeline.playedMs(finished.itemId, context.currentTime));
  };

  return {
    enqueue(source, pcm) {
      if (pcm.length === 0) return;
      const buffer = context.createBuffer(1, pcm.length, REALTIME_PCM_SAMPLE_RATE);
      buffer.getChannelData(0).set(pcm16ToFloat(pcm));
      const node = context.createBufferSource();
      node.buffer = buffer;
      node.connect(output);
      const at = timeline.schedule(source, pcm.length / REALTIME_PCM_SAMPLE_RATE, context.currentTime);
      node.onended = () => {
        sources.delete(node);
        node.disconnect();
        finishIfDrained();
      };
      sources.add(node);
      node.start(at);
      streamDone = false;
      if (!playing || playing.itemId !== source.itemId) {
        playing = source;
        callbacks.onStarted?.(source);
      }
    },
    markDone(responseId) {
      if (playing && responseId !== undefined && playing.responseId !== undefined && playing.responseId !== responseId) {
        return;
      }
      streamDone = true;
      finishIfDrained();
    },
    stop() {
      const cut = timeline.clear(context.currentTime);
      for (const node of sources) {
        node.onended = null;
        try {
          node.stop();
        } catch {
          // not started yet
        }
        node.disconnect();
      }
      sources.clear();
      playing = null;
      streamDone = false;
      return cut;
    },
    output,
    playedMs: (itemId) => timeline.playedMs(itemId, context.currentTime),
    isPlaying: () => sources.size > 0,
  };
}
