// A demo session's levels move with its own clock: scaled by `speed`, and virtual in tests.
import { describe, expect, it } from 'vitest';
import { createAudioLevels } from '../../src/core/transport/audioLevels.ts';
import { createDemoSession, createVirtualClock, demoTimeline } from '../../src/testing/index.ts';

/** Sample a demo on a virtual clock every 10 ms: when was the assistant heard, and the user? */
async function listen(speed: number) {
  const clock = createVirtualClock();
  const demo = createDemoSession({ clock, speed });
  const meter = demo.openAudioLevels({ bands: 8 });
  const levels = createAudioLevels(8);
  const connecting = demo.connect();
  await clock.advanceAsync(300 / speed);
  await connecting;
  const heard: { atMs: number; agent: string; input: number; output: number; bands: number }[] = [];
  const endMs = (demoTimeline().at(-1)!.atMs + 100) / speed;
  for (let at = 10; at <= endMs; at += 10) {
    clock.advance(10);
    meter.read(levels);
    heard.push({ atMs: at, agent: demo.getState().agentState, input: levels.input, output: levels.output, bands: Math.max(...levels.outputBands) });
  }
  meter.close();
  demo.disconnect();
  return heard;
}

type Heard = Awaited<ReturnType<typeof listen>>;

/** Virtual milliseconds during which `pick` holds (samples are 10 ms apart). */
const audibleMs = (heard: Heard, pick: (entry: Heard[number]) => boolean) => heard.filter(pick).length * 10;

describe('createDemoSession levels', () => {
  it('animate its voiceless (WebRTC-flavoured) script: the assistant while it speaks, the user while they speak', async () => {
    const heard = await listen(1);
    const speaking = heard.filter((entry) => entry.agent === 'speaking');
    const userSpeaking = heard.filter((entry) => entry.agent === 'user_speaking');
    expect(speaking.length).toBeGreaterThan(100);
    expect(userSpeaking.length).toBeGreaterThan(100);
    expect(speaking.filter((entry) => entry.output > 0.15).length).toBeGreaterThan(speaking.length / 2);
    expect(speaking.some((entry) => entry.bands > 0.2)).toBe(true);
    expect(userSpeaking.filter((entry) => entry.input > 0.15).length).toBeGreaterThan(userSpeaking.length / 2);
    // Silent whenever the agent is neither speaking nor hearing the user.
    const others = heard.filter((entry) => entry.agent !== 'speaking' && entry.agent !== 'user_speaking');
    expect(others.filter((entry) => entry.output > 0).length).toBe(0);
    expect(heard.filter((entry) => entry.agent !== 'user_speaking' && entry.input > 0).length).toBeLessThan(60); // speech_stopped comes 500 ms after the words
  });

  it('follow the scaled clock: at speed 2 the same audio is heard in half the clock time', async () => {
    const normal = await listen(1);
    const fast = await listen(2);
    const outputAt1 = audibleMs(normal, (entry) => entry.output > 0);
    const outputAt2 = audibleMs(fast, (entry) => entry.output > 0);
    expect(outputAt1).toBeGreaterThan(5000);
    expect(Math.abs(outputAt2 - outputAt1 / 2)).toBeLessThan(100);
  });
});
