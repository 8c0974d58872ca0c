import { RealtimeAgent, RealtimeSession } from '@openai/agents-realtime';
import { afterEach, expect, test, vi } from 'vitest';
import { createAgentsRealtimeTransport } from '../../src/agents/index.ts';
import { createRealtimeSession, type SessionEvent } from '../../src/core/session/index.ts';
import { createRealtimeEmulator, type RealtimeEmulator } from '../../src/emulator/index.ts';

// End to end over a real socket: the SDK's own WebSocket transport (its `ws` client in Node)
// against the kit's Realtime emulator on loopback, which implements `idle_timeout_ms` with the
// server's semantics and calls a function tool the session declares. So the handoff below is
// the SDK's, its session.update reaches a server, and the idle timeout after it is the server's.
let emulator: RealtimeEmulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

test("after a real handoff the server's idle timeout still fires and reaches the kit", async () => {
  const clientEvents: Array<Record<string, unknown>> = [];
  emulator = await createRealtimeEmulator({
    idleTimeScale: 0.02,
    streamIntervalMs: 1,
    toolCalls: [{ name: 'transfer_to_Billing', arguments: {}, whenUserWrites: 'invoice' }],
    onClientEvent: (event) => clientEvents.push(event),
  });
  const billing = new RealtimeAgent({ name: 'Billing', instructions: 'You handle invoices.' });
  const triage = new RealtimeAgent({ name: 'Triage', instructions: 'Route the caller.', handoffs: [billing] });
  const agentSession = new RealtimeSession(triage, { transport: 'websocket' });
  const session = createRealtimeSession({
    transport: createAgentsRealtimeTransport({
      session: agentSession,
      connectOptions: { apiKey: emulator.createClientSecret().value, url: emulator.wsUrl },
    }),
    idle: { timeoutMs: 5000, clientFallback: 'never' },
  });
  const events: SessionEvent[] = [];
  session.on('*', (event) => events.push(event));
  try {
    await session.connect();
    session.sendText('A question about my invoice.');
    type SessionUpdate = { type: string; session: { instructions?: string; audio?: { input?: { turn_detection?: Record<string, unknown> } } } };
    const handoffUpdate = await vi.waitFor(
      () => {
        const update = (clientEvents as SessionUpdate[]).find((event) => event.type === 'session.update' && event.session.instructions === 'You handle invoices.');
        if (!update) throw new Error('no handoff session.update yet');
        return update;
      },
      { timeout: 20_000, interval: 20 },
    );
    expect(agentSession.currentAgent.name).toBe('Billing');
    expect(handoffUpdate.session.audio?.input?.turn_detection).toMatchObject({ type: 'server_vad', idle_timeout_ms: 5000 });
    await vi.waitFor(() => expect(events.some((event) => event.type === 'input_audio_timeout_triggered')).toBe(true), { timeout: 20_000, interval: 20 });
    const timeout = events.find((event) => event.type === 'input_audio_timeout_triggered');
    expect(timeout).toMatchObject({ source: 'server', count: 1 });
    // The SDK answered its own handoff call, once; the kit answered nothing.
    expect(clientEvents.filter((event) => (event.item as { type?: string } | undefined)?.type === 'function_call_output')).toHaveLength(1);
  } finally {
    session.disconnect();
  }
});
