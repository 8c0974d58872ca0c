import { expect, it, vi } from 'vitest';

// If anything below src/core imports React (or react-dom), this mock throws while loading it.
vi.mock('react', () => {
  throw new Error('core imported react');
});
vi.mock('react-dom', () => {
  throw new Error('core imported react-dom');
});

it('src/core (protocol, session, transports) loads and runs without React', async () => {
  const core = await import('../../src/core/index.ts');
  expect(typeof core.createRealtimeSession).toBe('function');
  expect(typeof core.parseServerEvent).toBe('function');
  // Use it, not just load it: a session on a tiny in-memory transport.
  const listeners = new Map<string, (payload: never) => void>();
  const session = core.createRealtimeSession({
    transport: {
      connect: async () => {},
      send: () => {},
      close: () => {},
      on: (type, listener) => {
        listeners.set(type, listener as (payload: never) => void);
        return () => listeners.delete(type);
      },
    },
  });
  await session.connect();
  expect(session.getState().status).toBe('connected');
});
