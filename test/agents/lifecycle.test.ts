import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { RealtimeConfigError } from '../../src/core/protocol/errors.ts';
import { RealtimeTransportError } from '../../src/core/transport/RealtimeTransportError.ts';
import { assistantAnswer, idleTimeout } from '../fixtures/agentsSdk.ts';
import { createAgentsHarness, settle, type ServerBehaviour } from './agentsHarness.ts';

const SECRET = 'ek_test_secret';

/**
 * The adapter's listeners on the SDK transport (one '*' and one 'disconnected' per connection).
 * The SDK session adds its own '*' with its 'turn_started' on its first connect, and keeps them.
 */
function sdkListeners(h: ReturnType<typeof createAgentsHarness>): number {
  const emitter = (h.sdkTransport as unknown as { eventEmitter: { listenerCount(type: string): number } }).eventEmitter;
  return emitter.listenerCount('*') - emitter.listenerCount('turn_started') + emitter.listenerCount('disconnected');
}

function behaviours(...sequence: ServerBehaviour[]) {
  return () => sequence.shift() ?? 'open';
}

describe('connecting and ending through the Agents SDK', () => {
  test("the kit's idle escalation ending the session closes the SDK session", async () => {
    const h = createAgentsHarness({ kit: { idle: { timeoutMs: 8000, maxTimeouts: 1, endGraceMs: 5000 } } });
    await h.session.connect();
    await settle();
    for (const event of idleTimeout('item_silent', null)) h.socket.serverSends(event);
    await settle();
    expect(h.session.getState().idle.phase).toBe('ending');
    await h.clock.advanceAsync(5000);
    await settle();
    expect(h.session.getState().status).toBe('disconnected');
    expect(h.socket.closed).toBe(true);
    expect(h.sdkTransport.status).toBe('disconnected');
  });

  test('disconnect through the kit closes the socket and removes what the adapter listened with', async () => {
    const h = createAgentsHarness();
    const before = sdkListeners(h);
    await h.session.connect();
    await settle();
    expect(sdkListeners(h)).toBe(before + 2);
    h.session.disconnect();
    await settle();
    expect(h.socket.closed).toBe(true);
    expect(h.sdkTransport.status).toBe('disconnected');
    expect(h.session.getState()).toMatchObject({ status: 'disconnected', error: null });
    expect(sdkListeners(h)).toBe(before);
  });

  test("the socket dropping by itself: status 'error', a connection_lost cause, no secret in the message", async () => {
    const h = createAgentsHarness();
    await h.session.connect();
    await settle();
    h.socket.drop();
    await settle();
    const { status, error } = h.session.getState();
    expect(status).toBe('error');
    expect(error?.source).toBe('transport');
    expect((error?.cause as RealtimeTransportError).code).toBe('connection_lost');
    expect(JSON.stringify(error?.message)).not.toContain(SECRET);
    // And the SDK session can connect again through the kit.
    await h.session.connect();
    await settle();
    expect(h.session.getState().status).toBe('connected');
  });

  test.each([
    ['a refused socket (bad key)', { behaviour: 'refuse' as const }],
    ['a client secret that cannot be fetched', { adapter: { connectOptions: { apiKey: async () => Promise.reject(new Error(`401 for ${SECRET}`)) } } }],
  ])('a connect failure (%s) is a clean RealtimeTransportError, with nothing left listening', async (_name, options) => {
    const h = createAgentsHarness(options);
    const before = sdkListeners(h);
    const failure = await h.session.connect().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(RealtimeTransportError);
    expect((failure as RealtimeTransportError).code).toBe('connect_failed');
    expect(inspect(failure, { depth: 10 })).not.toContain(SECRET);
    await settle();
    expect(h.session.getState().status).toBe('error');
    expect(inspect(h.session.getState().error, { depth: 10 })).not.toContain(SECRET);
    expect(h.sdkTransport.status).toBe('disconnected');
    expect(sdkListeners(h)).toBe(before);
    for (const socket of h.sockets) expect(socket.closed).toBe(true);
  });

  test('a connect that never opens times out, and the SDK is left disconnected', async () => {
    const h = createAgentsHarness({ behaviour: behaviours('hang'), adapter: { connectTimeoutMs: 50 } });
    const before = sdkListeners(h);
    const failure = await h.session.connect().then(
      () => null,
      (error: unknown) => error,
    );
    expect((failure as RealtimeTransportError).code).toBe('connect_failed');
    expect((failure as Error).message).toMatch(/Timed out/);
    await settle();
    expect(h.sdkTransport.status).toBe('disconnected');
    expect(h.sockets[0]?.closed).toBe(true);
    expect(sdkListeners(h)).toBe(before);
    await h.session.connect();
    await settle();
    expect(h.session.getState().status).toBe('connected');
  });

  test('disconnect while connecting aborts the SDK connect: nothing open, nothing listening, and the next connect works', async () => {
    const h = createAgentsHarness({ behaviour: behaviours('hang') });
    const before = sdkListeners(h);
    const connecting = h.session.connect();
    await settle();
    h.session.disconnect();
    await connecting;
    await settle();
    expect(h.session.getState().status).toBe('disconnected');
    expect(h.sdkTransport.status).toBe('disconnected');
    expect(h.sockets[0]?.closed).toBe(true);
    expect(sdkListeners(h)).toBe(before);
    await h.session.connect();
    await settle();
    expect(h.session.getState().status).toBe('connected');
  });

  test('reconnect after disconnect: each server event reaches the kit once', async () => {
    const h = createAgentsHarness();
    await h.session.connect();
    await settle();
    h.session.disconnect();
    await settle();
    await h.session.connect();
    await settle();
    const seen: string[] = [];
    h.session.on('*', (event) => {
      if (event.type === 'server_event') seen.push(event.event.type);
    });
    for (const event of assistantAnswer('resp_1', 'item_a1', null, ['Hi.'])) h.socket.serverSends(event);
    await settle();
    expect(seen.filter((type) => type === 'response.created')).toHaveLength(1);
    expect(h.session.getState().transcript.get('item_a1')).toMatchObject({ text: 'Hi.' });
  });

  test('StrictMode-like connect, disconnect, connect: one open socket, events once', async () => {
    const h = createAgentsHarness();
    void h.session.connect();
    h.session.disconnect();
    const second = h.session.connect();
    await second;
    await settle();
    expect(h.session.getState().status).toBe('connected');
    expect(h.sockets.filter((socket) => !socket.closed)).toHaveLength(1);
    const seen: string[] = [];
    h.session.on('*', (event) => {
      if (event.type === 'server_event') seen.push(event.event.type);
    });
    for (const event of assistantAnswer('resp_1', 'item_a1', null, ['Hi.'])) h.socket.serverSends(event);
    await settle();
    expect(seen.filter((type) => type === 'response.created')).toHaveLength(1);
  });
});

test("closing the SDK session directly (not through the kit) reads as a lost connection, and the kit can connect it again", async () => {
  const h = createAgentsHarness();
  await h.session.connect();
  await settle();
  h.agentSession.close();
  await settle();
  expect(h.session.getState().status).toBe('error');
  expect((h.session.getState().error?.cause as RealtimeTransportError).code).toBe('connection_lost');
  await h.session.connect();
  await settle();
  expect(h.session.getState().status).toBe('connected');
  expect(h.sockets.filter((socket) => !socket.closed)).toHaveLength(1);
});

test("the SDK session closed by the app while the kit connects: connect fails (the SDK's connect() resolved without a socket), the kit never reads 'connected'", async () => {
  const h = createAgentsHarness();
  const connecting = h.session.connect().then(
    () => null,
    (error: unknown) => error,
  );
  h.agentSession.close();
  const failure = await connecting;
  await settle();
  expect(h.sockets).toHaveLength(0);
  expect((failure as RealtimeTransportError).code).toBe('connect_failed');
  expect(h.session.getState().status).toBe('error');
  // The next connect through the kit works.
  await h.session.connect();
  await settle();
  expect(h.session.getState().status).toBe('connected');
  expect(h.sdkTransport.status).toBe('connected');
});

test.each([Number.POSITIVE_INFINITY, 2 ** 31, Number.NaN, -1])(
  'connectTimeoutMs %s is refused when the transport is made (a timer cannot hold it: connect would time out after 1 ms), as by the kit\'s own transports',
  (connectTimeoutMs) => {
    let thrown: unknown;
    try {
      createAgentsHarness({ adapter: { connectTimeoutMs } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RealtimeConfigError);
    expect((thrown as RealtimeConfigError).issues[0]?.path).toBe('connectTimeoutMs');
  },
);
