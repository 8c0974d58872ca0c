import { expect, it, vi } from 'vitest';

// If anything the testing entry loads imports React, Testing Library or react-dom, loading it throws.
vi.mock('react', () => {
  throw new Error('the testing entry imported react');
});
vi.mock('react-dom', () => {
  throw new Error('the testing entry imported react-dom');
});
vi.mock('@testing-library/react', () => {
  throw new Error('the testing entry imported @testing-library/react');
});

it('react-realtime-kit/testing loads and plays a scenario without React', async () => {
  const testing = await import('../../src/testing/index.ts');
  const clock = testing.createVirtualClock();
  const transport = testing.createMockTransport();
  await transport.connect({ signal: new AbortController().signal });
  const received: unknown[] = [];
  transport.on('message', (data) => received.push(data));
  const timeline = testing.scenario().userSays('Hi').build();
  testing.play(timeline, { transport, clock });
  clock.advance(timeline.at(-1)!.atMs);
  expect(received).toHaveLength(timeline.length);
});
