import { describe, expect, it } from 'vitest';
import { createTransportEmitter } from '../../../src/core/transports/createTransportEmitter.ts';
import { createTransportLifecycle } from '../../../src/core/transports/createTransportLifecycle.ts';
import { RealtimeTransportError } from '../../../src/core/transports/RealtimeTransportError.ts';
import type { TransportCloseInfo } from '../../../src/core/transports/types.ts';

function setup() {
  const emitter = createTransportEmitter();
  const closes: TransportCloseInfo[] = [];
  emitter.on('close', (info) => closes.push(info));
  let held = false;
  let releases = 0;
  const lifecycle = createTransportLifecycle(emitter, {
    holding: () => held,
    release: () => {
      held = false;
      releases++;
    },
  });
  return { lifecycle, closes, hold: () => (held = true), releases: () => releases };
}

describe('createTransportLifecycle', () => {
  it('emits one close for a drop, with the reason and a connection_lost error, and none after it', () => {
    const { lifecycle, closes, hold } = setup();
    lifecycle.opening();
    hold();
    lifecycle.opened();
    lifecycle.lost('socket_closed', 'gone');
    lifecycle.lost('socket_closed', 'gone again');
    lifecycle.close();
    expect(closes).toHaveLength(1);
    expect(closes[0]?.reason).toBe('socket_closed');
    expect((closes[0]?.error as RealtimeTransportError).code).toBe('connection_lost');
    expect(lifecycle.closed).toBe(true);
  });

  it('emits a close without an error when the caller closes, and only if something was open', () => {
    const { lifecycle, closes, hold, releases } = setup();
    lifecycle.close();
    expect(closes).toEqual([]);
    lifecycle.opening();
    hold();
    lifecycle.close();
    lifecycle.close();
    expect(closes).toEqual([{}]);
    // Each close releases once; a close after a close has nothing left to release.
    expect(releases()).toBe(2);
  });

  it('releases on a failed connect and wraps foreign errors as connect_failed', () => {
    const { lifecycle, releases } = setup();
    lifecycle.opening();
    const own = new RealtimeTransportError('unauthorized', 'bad key');
    expect(lifecycle.failed(own, 'WebSocket connect failed')).toBe(own);
    const wrapped = lifecycle.failed(new Error('boom'), 'WebSocket connect failed');
    expect(wrapped.code).toBe('connect_failed');
    expect(wrapped.message).toBe('WebSocket connect failed: Error: boom');
    expect(lifecycle.closed).toBe(true);
    expect(releases()).toBe(2);
  });
});
