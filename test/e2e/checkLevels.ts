import type { Page } from 'playwright-core';
import type { LevelSample } from './app/instrument.ts';

/** A level this high is a voice (the fake microphone's burst is about -12 dBFS, the reply -16). */
const HEARD = 0.1;
/** Digital silence reads 0; this leaves room for a meter's smoothing tail. */
const QUIET = 0.05;

interface TimeSpan {
  from: number;
  to: number;
}

interface Peaks {
  input: number;
  output: number;
  shown: number;
  frames: number;
}

function peaksIn(samples: readonly LevelSample[], { from, to }: TimeSpan): Peaks {
  const peaks: Peaks = { input: 0, output: 0, shown: 0, frames: 0 };
  for (const sample of samples) {
    if (sample.at < from || sample.at > to) continue;
    peaks.frames++;
    peaks.input = Math.max(peaks.input, sample.input);
    peaks.output = Math.max(peaks.output, sample.output);
    peaks.shown = Math.max(peaks.shown, sample.shown);
  }
  return peaks;
}

const format = (peaks: Peaks, visualizer: boolean) =>
  `input ${peaks.input.toFixed(2)}, output ${peaks.output.toFixed(2)}${visualizer ? `, AudioVisualizer ${peaks.shown.toFixed(2)}` : ''} over ${peaks.frames} frames`;

async function eventTimes(page: Page) {
  const { events, samples, visualizer, commits } = await page.evaluate(() => ({
    events: window.__e2e.events.map((e) => ({ type: e.type, at: e.at })),
    samples: window.__e2e.levels,
    visualizer: document.getElementById('visualizer') !== null,
    commits: window.__e2e.visualizerCommits,
  }));
  const first = (type: string) => events.find((e) => e.type === type)?.at ?? null;
  return {
    speechStarted: first('speech_started'),
    speechStopped: first('speech_stopped'),
    audioStarted: first('audio_started'),
    audioStopped: first('audio_stopped'),
    timeout: first('input_audio_timeout_triggered'),
    samples,
    visualizer,
    commits,
  };
}

/**
 * The idle wait after the first reply: the fake microphone is silent (the WAV's long tail) and
 * the assistant too. Over WebRTC the reply is still heard about a second after the server's
 * `output_audio_buffer.stopped` (the media path's delay), so only the last 2 s before the idle
 * timeout (which comes 5 s after it) count.
 */
const quietWindow = (t: { timeout: number }): TimeSpan => ({ from: t.timeout - 2000, to: t.timeout });

/**
 * The fake microphone's first burst (4 s after it opened) moves the session's input level and,
 * when mounted, the AudioVisualizer (which follows the user while they speak); the idle wait
 * after the reply, when the microphone is silent, reads quiet. The burst ends 500 ms (the VAD's
 * silence) before `speech_stopped` and starts before `speech_started` (WebRTC's media path
 * delays the detection by up to a second).
 */
export async function checkLevelsFollowMicrophone(page: Page): Promise<string> {
  const t = await eventTimes(page);
  if (t.speechStarted === null || t.speechStopped === null || t.timeout === null) {
    throw new Error(`missing events: ${JSON.stringify({ ...t, samples: t.samples.length })}`);
  }
  const speech = peaksIn(t.samples, { from: t.speechStarted - 1500, to: t.speechStopped });
  const quiet = peaksIn(t.samples, quietWindow({ timeout: t.timeout }));
  if (speech.frames < 10 || quiet.frames < 10) throw new Error(`too few frames recorded: speech ${speech.frames}, quiet ${quiet.frames}`);
  if (speech.input < HEARD) throw new Error(`input level only ${speech.input.toFixed(2)} while the microphone spoke`);
  if (t.visualizer && speech.shown < HEARD) throw new Error(`the AudioVisualizer showed only ${speech.shown.toFixed(2)} while the user spoke`);
  if (quiet.input > QUIET) throw new Error(`input level ${quiet.input.toFixed(2)} while the microphone was silent`);
  return `while the microphone spoke: ${format(speech, t.visualizer)}; silent later: input ${quiet.input.toFixed(2)}`;
}

/**
 * The emulator's first reply moves the output level and, when mounted, the AudioVisualizer
 * between `audio_started` and `audio_stopped`; the idle wait that follows reads quiet. While
 * the reply plays (its transcript streaming meanwhile), the visualizer commits nothing to React:
 * its Profiler counts commits only around the state changes (mount, speaking, listening).
 */
export async function checkLevelsFollowReply(page: Page): Promise<string> {
  const t = await eventTimes(page);
  if (t.audioStarted === null || t.audioStopped === null || t.timeout === null) {
    throw new Error(`missing events: ${JSON.stringify({ ...t, samples: t.samples.length })}`);
  }
  const { audioStarted: started, audioStopped: stopped } = t;
  const reply = peaksIn(t.samples, { from: started, to: stopped });
  const quiet = peaksIn(t.samples, quietWindow({ timeout: t.timeout }));
  if (reply.frames < 10 || quiet.frames < 10) throw new Error(`too few frames recorded: reply ${reply.frames}, quiet ${quiet.frames}`);
  if (reply.output < HEARD) throw new Error(`output level only ${reply.output.toFixed(2)} while the reply played`);
  if (t.visualizer && reply.shown < HEARD) throw new Error(`the AudioVisualizer showed only ${reply.shown.toFixed(2)} while the reply played`);
  if (quiet.output > QUIET) throw new Error(`output level ${quiet.output.toFixed(2)} after the reply ended`);
  let commits = '';
  if (t.visualizer) {
    // The 'speaking' commit lands within a microtask of audio_started, the 'listening' one at audio_stopped.
    const during = t.commits.filter((at) => at > started + 50 && at < stopped - 50).length;
    if (t.commits.length === 0) throw new Error('the Profiler counted no commit at all (not a profiling build?)');
    if (during > 0) throw new Error(`the AudioVisualizer committed ${during} times while the reply played`);
    commits = `; AudioVisualizer commits while it played: 0 (${t.commits.length} in all, at state changes)`;
  }
  const reads = t.samples.filter((s) => s.at >= started && s.at <= stopped).map((s) => s.readMs).sort((a, b) => a - b);
  const mean = reads.reduce((sum, value) => sum + value, 0) / Math.max(1, reads.length);
  const p95 = reads[Math.floor(reads.length * 0.95)] ?? 0;
  return (
    `while the reply played: ${format(reply, t.visualizer)}; after it: output ${quiet.output.toFixed(2)}${commits}; ` +
    `meter read (8 bands) mean ${mean.toFixed(3)} ms, p95 ${p95.toFixed(2)} ms`
  );
}

/** Peaks of the levels recorded after `since` (performance.now() of the page). */
export async function levelPeaksSince(page: Page, since: number): Promise<Peaks> {
  const samples = await page.evaluate(() => window.__e2e.levels);
  return peaksIn(samples, { from: since, to: Number.POSITIVE_INFINITY });
}

export { HEARD as HEARD_LEVEL };
