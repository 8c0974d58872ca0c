import { OpenAIRealtimeWebSocket, RealtimeAgent, RealtimeSession, type RealtimeSessionOptions } from '@openai/agents-realtime';
import { expect, test } from 'vitest';
import { createAgentsRealtimeTransport } from '../../src/agents/index.ts';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { FakeRealtimeSocket, settle, turnDetectionOf } from './agentsHarness.ts';

// One options object for every SDK session the app makes (a module constant, a page that mounts
// again): the kit's turn detection must stay with the session it was sent on.
test.each([
  ['a plain object', false],
  ['a frozen object', true],
])("the kit's turn detection is kept in the SDK session, not in the options object the app gave it (%s; another session built from it starts clean)", async (_name, frozen) => {
  const sockets: FakeRealtimeSocket[] = [];
  const sdkTransport = new OpenAIRealtimeWebSocket({
    createWebSocket: async () => {
      const socket = new FakeRealtimeSocket('open');
      sockets.push(socket);
      return socket as never;
    },
  });
  const config = { audio: { output: { voice: 'marin' } } };
  const options: Partial<RealtimeSessionOptions> = { transport: sdkTransport, config };
  const sharedOptions = frozen ? Object.freeze(options) : options;
  const agent = new RealtimeAgent({ name: 'Assistant', instructions: 'Be brief.' });
  const kitOn = (agentSession: RealtimeSession, idle: { timeoutMs: number } | undefined) =>
    createRealtimeSession({
      transport: createAgentsRealtimeTransport({ session: agentSession, connectOptions: { apiKey: 'ek_test_secret' } }),
      clock: createVirtualClock(),
      ...(idle ? { idle } : {}),
    });

  const first = new RealtimeSession(agent, sharedOptions);
  const firstKit = kitOn(first, { timeoutMs: 8000 });
  await firstKit.connect();
  await settle();
  // Sent, and kept by the first SDK session for its handoffs.
  expect(firstKit.getState().error).toBeNull();
  expect(turnDetectionOf(sockets[0]?.sentOfType('session.update').at(-1))).toMatchObject({ idle_timeout_ms: 8000 });
  expect(JSON.stringify(first.options.config)).toContain('8000');
  expect(first.options.config).toMatchObject({ audio: { output: { voice: 'marin' } } });
  firstKit.disconnect();
  await settle();

  // The app's own objects are as it wrote them.
  expect(sharedOptions.config).toBe(config);
  expect(config).toEqual({ audio: { output: { voice: 'marin' } } });

  // A second session built from the same options, with no idle timeout: none reaches its server.
  const second = new RealtimeSession(agent, sharedOptions);
  const secondKit = kitOn(second, undefined);
  await secondKit.connect();
  await settle();
  for (const event of sockets[1]?.sentOfType('session.update') ?? []) expect(turnDetectionOf(event)?.idle_timeout_ms).toBeUndefined();
  secondKit.disconnect();
  await settle();
});
