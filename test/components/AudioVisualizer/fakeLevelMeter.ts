import type { AudioLevelMeter, AudioLevels } from '../../../src/core/transport/audioLevels.ts';
import type { RealtimeTransport } from '../../../src/core/transport/RealtimeTransport.ts';

/** What the fake meter reads next: set it from the test, the visualizer's frames read it. */
export interface FakeLevelSource {
  input: number;
  output: number;
  inputBands: number[];
  outputBands: number[];
  /** Band counts of every meter opened, in order. */
  readonly opened: number[];
  /** Meters open now. */
  open: number;
  transport: RealtimeTransport;
}

/**
 * A transport that only measures: its meter reads whatever the test set on the returned
 * object (bands past the set ones read 0). For `createFakeSession({ transport })`.
 */
export function createFakeLevelSource(): FakeLevelSource {
  const source: FakeLevelSource = {
    input: 0,
    output: 0,
    inputBands: [],
    outputBands: [],
    opened: [],
    open: 0,
    transport: {
      connect: () => Promise.resolve(),
      close: () => undefined,
      send: () => undefined,
      on: () => () => undefined,
      openAudioLevelMeter({ bands = 0 } = {}): AudioLevelMeter {
        source.opened.push(bands);
        source.open += 1;
        let closed = false;
        return {
          read(into: AudioLevels) {
            into.input = source.input;
            into.output = source.output;
            for (let i = 0; i < into.inputBands.length; i += 1) into.inputBands[i] = source.inputBands[i] ?? 0;
            for (let i = 0; i < into.outputBands.length; i += 1) into.outputBands[i] = source.outputBands[i] ?? 0;
          },
          close() {
            if (closed) return;
            closed = true;
            source.open -= 1;
          },
        };
      },
    },
  };
  return source;
}
