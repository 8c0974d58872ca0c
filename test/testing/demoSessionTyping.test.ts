// The demo's scripted server answers what a real one does when the user types: the text
// becomes a user row (conversation.item.added/done), and a follow-up goes after it.
import { expect, it } from 'vitest';
import { createDemoSession, createVirtualClock, demoTimeline } from '../../src/testing/index.ts';

async function connected(demo: ReturnType<typeof createDemoSession>, clock: ReturnType<typeof createVirtualClock>) {
  const connecting = demo.connect();
  await clock.advanceAsync(300);
  await connecting;
}

const rows = (demo: ReturnType<typeof createDemoSession>) =>
  demo.getState().transcript.items.filter((item) => item.kind === 'message').map((item) => `${item.role}: ${item.text}`);

it('text the user types into the demo shows as their row, and the welcome back comes after it', async () => {
  const clock = createVirtualClock();
  const demo = createDemoSession({ clock });
  await connected(demo, clock);
  await clock.advanceAsync(demoTimeline().at(-1)!.atMs + 1);
  expect(demo.getState().idle.phase).toBe('timed_out');

  demo.sendText('Sorry, I was away.');
  await clock.advanceAsync(20_000);
  expect(rows(demo).slice(-3)).toEqual([
    'assistant: Are you still there?',
    'user: Sorry, I was away.',
    'assistant: Welcome back! Shall I suggest a dinner place for Saturday too?',
  ]);
  expect(demo.getState().transcript.items.find((item) => item.text === 'Sorry, I was away.')?.status).toBe('completed');
});

it('typed text mid-script shows at once; nothing is echoed after a disconnect', async () => {
  const clock = createVirtualClock();
  const demo = createDemoSession({ clock });
  await connected(demo, clock);
  await clock.advanceAsync(1000);
  demo.sendText('Hello?');
  await clock.advanceAsync(0);
  expect(rows(demo)).toContain('user: Hello?');

  demo.sendText('Still there?');
  demo.disconnect();
  await clock.advanceAsync(60_000);
  expect(rows(demo)).not.toContain('user: Still there?');
  expect(clock.pending()).toBe(0);
});
