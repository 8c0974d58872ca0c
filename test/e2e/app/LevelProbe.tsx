import { useEffect } from 'react';
import { createAudioLevels, type RealtimeSession } from '../../../src/index.ts';
import type { LevelSample } from './instrument.ts';

const KEEP_SAMPLES = 6000; // about 100 s at 60 frames a second

/**
 * Records, once per animation frame, the session's live levels (its own meter, as any
 * visualizer opens one) and the level the AudioVisualizer shows (`--rrk-visualizer-level` on
 * `#visualizer`), so the runner can check that both follow the fake microphone and the reply,
 * and how long each read of the real transports' analysers took.
 */
export function LevelProbe({ session, samples }: { session: RealtimeSession; samples: LevelSample[] }) {
  useEffect(() => {
    const meter = session.openAudioLevels({ bands: 8 });
    const levels = createAudioLevels(8);
    const tick = () => {
      const started = performance.now();
      meter.read(levels);
      const readMs = performance.now() - started;
      const shown = document.getElementById('visualizer')?.style.getPropertyValue('--rrk-visualizer-level');
      samples.push({ at: performance.now(), input: levels.input, output: levels.output, shown: shown ? Number(shown) : 0, readMs });
      if (samples.length > KEEP_SAMPLES) samples.splice(0, samples.length - KEEP_SAMPLES);
      frame = requestAnimationFrame(tick);
    };
    let frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      meter.close();
    };
  }, [session, samples]);
  return null;
}
