import { installFrameTimer, type FrameTimes } from './frameTimer.ts';
import { Profiler, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { AudioVisualizer, RealtimeProvider, createRealtimeSession } from '../../../src/index.ts';
import { createMockTransport, play, scenario } from '../../../src/testing/index.ts';
import '../../../src/styles.css';

/** What one measurement returns to the runner. */
export interface VisualizerRun {
  look: Look;
  /** React commits inside the Profiler before the measured speech (mount, state changes): proves the counter counts. */
  commitsBefore: number;
  /** React commits inside the Profiler during the measured speech. */
  commitsDuring: number;
  /** The visualizer still said "speaking" when the measurement ended. */
  stillSpeaking: boolean;
  frames: FrameTimes;
  /** Milliseconds of each meter read during the measurement (performance.now()). */
  meterReads: number[];
  /** performance.now() resolution seen on this page (cross-origin isolated: 5 µs). */
  isolated: boolean;
}

declare global {
  interface Window {
    __runVisualizer(speechMs: number): Promise<VisualizerRun>;
  }
}

type Look = 'bars' | 'orb' | 'none';
const asked = new URLSearchParams(location.search).get('look');
const look: Look = asked === 'orb' || asked === 'none' ? asked : 'bars';
// What moves: the sphere, or the last bar's body (inline transforms; the root's level is rounded).
const shown = () => {
  const visualizer = document.getElementById('visualizer');
  const moving = visualizer?.dataset.look === 'orb' ? visualizer.lastElementChild : visualizer?.lastElementChild?.children[1];
  return moving instanceof HTMLElement ? moving.style.transform : '';
};
const frames = installFrameTimer(shown);
const transport = createMockTransport();
const session = createRealtimeSession({ transport });
// Time the meter's reads apart: the mock computes its levels and bands from PCM in JavaScript
// (an FFT), where the real transports read an AnalyserNode.
let meterReads: number[] = [];
const openAudioLevels = session.openAudioLevels.bind(session);
session.openAudioLevels = (options) => {
  const meter = openAudioLevels(options);
  return {
    read(into) {
      const started = performance.now();
      meter.read(into);
      meterReads.push(performance.now() - started);
    },
    close: () => meter.close(),
  };
};
let commits = 0;

createRoot(document.getElementById('root') as HTMLElement).render(
  <RealtimeProvider session={session}>
    <Profiler id="visualizer" onRender={() => commits++}>
      {look === 'none' ? <EmptyFrameLoop /> : <AudioVisualizer id="visualizer" look={look} />}
    </Profiler>
  </RealtimeProvider>,
);

// The baseline: frames keep coming (as with a visualizer mounted), with nothing drawn in them.
function EmptyFrameLoop() {
  useEffect(() => {
    let frame = requestAnimationFrame(function next() {
      frame = requestAnimationFrame(next);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LONG_REPLY =
  'Here is the whole story, told slowly: the sea was calm, the stars came out one by one, and the ship sailed on through the night until the morning light.';

window.__runVisualizer = async (speechMs) => {
  await session.connect();
  // The reply speaks 3 s longer than the measurement, so it is speaking from start to end.
  const timeline = scenario().sessionCreated().assistantSays(LONG_REPLY, { audioMs: speechMs + 3000 }).build();
  void play(timeline, { transport }).done.catch(() => undefined);
  while (session.getState().agentState !== 'speaking') await sleep(10);
  const commitsBefore = commits;
  frames.reset();
  meterReads = [];
  await sleep(speechMs);
  return {
    look,
    commitsBefore,
    commitsDuring: commits - commitsBefore,
    stillSpeaking: session.getState().agentState === 'speaking',
    frames: frames.take(),
    meterReads,
    isolated: crossOriginIsolated,
  };
};
