import { expect, it } from 'vitest';
import { createStore } from '../../../../src/core/session/context/createStore.ts';

it('notifies with new and previous state, skips unchanged state, unsubscribes', () => {
  const store = createStore({ n: 0 });
  const seen: [number, number][] = [];
  const off = store.subscribe((state, previous) => seen.push([previous.n, state.n]));
  store.setState({ n: 1 });
  store.setState(store.getState());
  off();
  store.setState({ n: 2 });
  expect(seen).toEqual([[0, 1]]);
  expect(store.getState()).toEqual({ n: 2 });
});

it('a throwing listener goes to onListenerError and the others still run', () => {
  const errors: unknown[] = [];
  const store = createStore(0, (error) => errors.push(error));
  const calls: number[] = [];
  store.subscribe(() => {
    throw new Error('bad');
  });
  store.subscribe((n) => calls.push(n));
  store.setState(1);
  expect(calls).toEqual([1]);
  expect(errors).toHaveLength(1);
});
