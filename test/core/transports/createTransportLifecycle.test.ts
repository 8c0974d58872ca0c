import { describe, expect, it } from 'vitest';
import { createTransportEmitter } from '../../../src/core/transport/createTransportEmitter.ts';
import { createTransportLifecycle, type ConnectAttempt } from '../../../src/core/transports/createTransportLifecycle.ts';
import { RealtimeTransportError } from '../../../src/core/transport/RealtimeTransportError.ts';
import type { TransportCloseInfo } from '../../../src/core/transport/RealtimeTransport.ts';

const options = { timeoutMs: 1000, label: 'Test connect failed' };
const signal = () => new AbortController().signal;

function setup() {
  const emitter = createTransportEmitter();
  const closes: TransportCloseInfo[] = [];
  emitter.on('close', (info) => closes.push(info));
  const lifecycle = createTransportLifecycle(emitter);
  return { lifecycle, closes };
}

async function opened(lifecycle: ReturnType<typeof createTransportLifecycle>, released: string[], name = 'a') {
  let attempt!: ConnectAttempt;
  await lifecycle.connect(signal(), options, async (a) => {
    attempt = a;
    a.hold(() => released.push(name));
  });
  return attempt;
}

describe('createTransportLifecycle', () => {
  it('emits one close for a drop, with the reason and a connection_lost error, and none after it', async () => {
    const { lifecycle, closes } = setup();
    const released: string[] = [];
    const attempt = await opened(lifecycle, released);
    expect(lifecycle.state).toBe('open');
    lifecycle.lost(attempt, 'socket_closed', 'gone');
    lifecycle.lost(attempt, 'socket_closed', 'gone again');
    lifecycle.close();
    expect(closes).toHaveLength(1);
    expect(closes[0]?.reason).toBe('socket_closed');
    expect((closes[0]?.error as RealtimeTransportError).code).toBe('connection_lost');
    expect(released).toEqual(['a']);
    expect(lifecycle.state).toBe('idle');
  });

  it('emits a close without an error when the caller closes, and only if something was open', async () => {
    const { lifecycle, closes } = setup();
    lifecycle.close();
    expect(closes).toEqual([]);
    const released: string[] = [];
    await opened(lifecycle, released);
    lifecycle.close();
    lifecycle.close();
    expect(closes).toEqual([{}]);
    expect(released).toEqual(['a']);
  });

  it('releases on a failed connect, in reverse order, and wraps foreign errors as connect_failed', async () => {
    const { lifecycle } = setup();
    const released: string[] = [];
    const own = new RealtimeTransportError('unauthorized', 'bad key');
    const error = await lifecycle
      .connect(signal(), options, async (a) => {
        a.hold(() => released.push('first'));
        a.hold(() => released.push('second'));
        throw own;
      })
      .catch((e: unknown) => e);
    expect(error).toBe(own);
    expect(released).toEqual(['second', 'first']);
    const wrapped = (await lifecycle
      .connect(signal(), options, async () => {
        throw new Error('boom');
      })
      .catch((e: unknown) => e)) as RealtimeTransportError;
    expect(wrapped.code).toBe('connect_failed');
    expect(wrapped.message).toBe('Test connect failed: Error: boom');
    expect(lifecycle.state).toBe('idle');
  });

  it('a drop while connecting fails the connect with connect_failed and emits no close', async () => {
    const { lifecycle, closes } = setup();
    const error = (await lifecycle
      .connect(signal(), options, (a) => {
        queueMicrotask(() => lifecycle.lost(a, 'socket_closed', 'The socket closed (code 1006).'));
        return new Promise(() => undefined);
      })
      .catch((e: unknown) => e)) as RealtimeTransportError;
    expect(error.code).toBe('connect_failed');
    expect(error.message).toContain('1006');
    expect(closes).toEqual([]);
  });

  it('a stale attempt released by close() cannot touch the next one (each attempt holds its own)', async () => {
    const { lifecycle, closes } = setup();
    const released: string[] = [];
    let stale!: ConnectAttempt;
    let wake!: () => void;
    const first = lifecycle
      .connect(signal(), options, async (a) => {
        stale = a;
        await new Promise<void>((resolve) => (wake = resolve));
        a.hold(() => released.push('late resource of A'));
        a.check();
      })
      .catch((e: unknown) => e);
    lifecycle.close();
    expect(((await first) as RealtimeTransportError).code).toBe('aborted');
    await opened(lifecycle, released, 'b');
    wake();
    await new Promise((r) => setTimeout(r, 0));
    lifecycle.lost(stale, 'socket_closed', 'stale');
    expect(stale.current).toBe(false);
    expect(released).toEqual(['late resource of A']);
    expect(lifecycle.state).toBe('open');
    expect(closes).toEqual([]);
  });
});
