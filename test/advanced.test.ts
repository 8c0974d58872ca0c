import { expect, it, vi } from 'vitest';

// If anything the advanced entry loads imports React (or react-dom), this mock throws while loading it.
vi.mock('react', () => {
  throw new Error('the advanced entry imported react');
});
vi.mock('react-dom', () => {
  throw new Error('the advanced entry imported react-dom');
});

it('react-realtime-kit/advanced loads and runs without React, like core', async () => {
  const advanced = await import('../src/advanced.ts');
  const store = advanced.createStore({ count: 0 });
  const seen: number[] = [];
  store.subscribe(() => seen.push(store.getState().count));
  store.setState({ count: 1 });
  expect(seen).toEqual([1]);
  expect(advanced.base64ToBytes(advanced.bytesToBase64(new Uint8Array([1, 2, 3])))).toEqual(new Uint8Array([1, 2, 3]));
});
