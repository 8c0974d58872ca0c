import { RealtimeAgent } from '@openai/agents-realtime';
import { describe, expect, test } from 'vitest';
import { functionCallResponse } from '../fixtures/agentsSdk.ts';
import { connectAgentsHarness, settle, turnDetectionOf } from './agentsHarness.ts';

function agents() {
  const billing = new RealtimeAgent({ name: 'Billing', instructions: 'You handle invoices.' });
  const triage = new RealtimeAgent({ name: 'Triage', instructions: 'Route the caller.', handoffs: [billing] });
  return { billing, triage };
}

type Harness = Awaited<ReturnType<typeof connectAgentsHarness>>;

/** The server calls the handoff tool; the SDK runs it (its own session.update, then the call's output). */
async function handOff(h: Harness, toolName = 'transfer_to_Billing') {
  const mark = h.socket.sent.length;
  for (const event of functionCallResponse('resp_handoff', 'item_call', 'call_handoff', toolName, '{}')) h.socket.serverSends(event);
  await settle(10);
  return h.socket.sent.slice(mark);
}

const lastSessionUpdate = <T extends { type: string }>(events: T[]) => events.filter((event) => event.type === 'session.update').at(-1);

describe('the idle timeout through the Agents SDK', () => {
  test("idle: { timeoutMs } puts server_vad with idle_timeout_ms on the wire after the SDK's own config", async () => {
    const h = await connectAgentsHarness({ kit: { idle: { timeoutMs: 8000 } } });
    expect(turnDetectionOf(lastSessionUpdate(h.socket.sent))).toMatchObject({ type: 'server_vad', idle_timeout_ms: 8000 });
  });

  test("a handoff's session.update (sent by the SDK) still carries idle_timeout_ms", async () => {
    const { triage } = agents();
    const h = await connectAgentsHarness({ agent: triage, kit: { idle: { timeoutMs: 8000 } } });
    const out = await handOff(h);
    const update = lastSessionUpdate(out);
    expect(update?.session).toMatchObject({ instructions: 'You handle invoices.' });
    expect(turnDetectionOf(update)).toMatchObject({ type: 'server_vad', idle_timeout_ms: 8000 });
    // The SDK answered its handoff call itself, once.
    expect(out.filter((event) => event.type === 'conversation.item.create')).toEqual([
      expect.objectContaining({ item: expect.objectContaining({ type: 'function_call_output', call_id: 'call_handoff' }) }),
    ]);
    expect(h.agentSession.currentAgent.name).toBe('Billing');
  });

  test('control: the SDK alone reverts a turn detection it did not configure to semantic VAD on a handoff (why the adapter keeps it)', async () => {
    const { triage } = agents();
    const h = await connectAgentsHarness({ agent: triage });
    // What the kit would send, written straight to the SDK's transport, past the adapter.
    h.sdkTransport.sendEvent({
      type: 'session.update',
      session: { type: 'realtime', audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 } } } },
    });
    const out = await handOff(h);
    expect(turnDetectionOf(lastSessionUpdate(out))).toEqual({ type: 'semantic_vad' });
  });

  test('updateAgent() keeps it too', async () => {
    const { billing, triage } = agents();
    const h = await connectAgentsHarness({ agent: triage, kit: { idle: { timeoutMs: 8000 } } });
    const mark = h.socket.sent.length;
    await h.agentSession.updateAgent(billing);
    await settle();
    expect(turnDetectionOf(lastSessionUpdate(h.socket.sent.slice(mark)))).toMatchObject({ type: 'server_vad', idle_timeout_ms: 8000 });
  });

  test('a new timeout from setIdlePolicy, and turning it off, survive a handoff', async () => {
    const { triage } = agents();
    const h = await connectAgentsHarness({ agent: triage, kit: { idle: { timeoutMs: 8000 } } });
    h.session.setIdlePolicy({ timeoutMs: 15_000 });
    await settle();
    expect(turnDetectionOf(lastSessionUpdate(await handOff(h)))).toMatchObject({ type: 'server_vad', idle_timeout_ms: 15_000 });
    h.session.setIdlePolicy({ timeoutMs: null });
    await settle();
    const off = turnDetectionOf(lastSessionUpdate(h.socket.sent));
    expect(off?.idle_timeout_ms ?? null).toBeNull();
    h.socket.serverSends({ type: 'response.done', event_id: 'event_done_x', response: { id: 'resp_x', object: 'realtime.response', status: 'completed', output: [] } });
    await h.agentSession.updateAgent(agents().triage);
    await settle();
    expect(turnDetectionOf(lastSessionUpdate(h.socket.sent))?.idle_timeout_ms ?? null).toBeNull();
  });

  test("the user's own SDK turn detection in camelCase (idleTimeoutMs, silenceDurationMs) is merged, the kit's timeout winning", async () => {
    const { triage } = agents();
    const h = await connectAgentsHarness({
      agent: triage,
      sdk: { config: { audio: { input: { turnDetection: { type: 'server_vad', idleTimeoutMs: 6000, silenceDurationMs: 700 } } } } },
      kit: { idle: { timeoutMs: 8000 } },
    });
    const detection = turnDetectionOf(lastSessionUpdate(await handOff(h)));
    expect(detection).toMatchObject({ type: 'server_vad', idle_timeout_ms: 8000, silence_duration_ms: 700 });
  });

  test("the SDK's deprecated flat turnDetection is kept in its place (the SDK then reads only the flat shape)", async () => {
    const { triage } = agents();
    const h = await connectAgentsHarness({
      agent: triage,
      sdk: { config: { turnDetection: { type: 'server_vad', silenceDurationMs: 650 } } },
      kit: { idle: { timeoutMs: 8000 } },
    });
    const detection = turnDetectionOf(lastSessionUpdate(await handOff(h)));
    expect(detection).toMatchObject({ type: 'server_vad', idle_timeout_ms: 8000, silence_duration_ms: 650 });
  });

  test('a deprecated flat SDK config without turnDetection (inputAudioTranscription at the top) keeps it too: the SDK reads such a config flat', async () => {
    const { triage } = agents();
    const h = await connectAgentsHarness({
      agent: triage,
      // The SDK still accepts the flat shape (deprecated); Twilio-style apps set inputAudioFormat the same way.
      sdk: { config: { inputAudioTranscription: { model: 'gpt-4o-transcribe' } } },
      kit: { idle: { timeoutMs: 8000 } },
    });
    const update = lastSessionUpdate(await handOff(h));
    expect(turnDetectionOf(update)).toMatchObject({ type: 'server_vad', idle_timeout_ms: 8000 });
    // The user's flat setting is still what the SDK sends.
    expect(update?.session).toMatchObject({ audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } } });
  });

  test("semantic VAD chosen in the kit's config keeps the client clock: no idle_timeout_ms on the wire, and the kit's client timeout fires", async () => {
    const { triage } = agents();
    const h = await connectAgentsHarness({
      agent: triage,
      kit: { idle: { timeoutMs: 8000 }, config: { type: 'realtime', audio: { input: { turn_detection: { type: 'semantic_vad' } } } } },
    });
    for (const event of h.socket.sent.filter((event) => event.type === 'session.update')) {
      expect(turnDetectionOf(event)?.idle_timeout_ms).toBeUndefined();
    }
    expect(turnDetectionOf(lastSessionUpdate(h.socket.sent))).toMatchObject({ type: 'semantic_vad' });
    // Still semantic after a handoff (the SDK keeps what the kit chose).
    expect(turnDetectionOf(lastSessionUpdate(await handOff(h)))).toMatchObject({ type: 'semantic_vad' });
    h.socket.serverSends({ type: 'response.done', event_id: 'event_done_y', response: { id: 'resp_y', object: 'realtime.response', status: 'completed', output: [] } });
    await settle();
    await h.clock.advanceAsync(9000);
    const timeouts = h.events.filter((event) => event.type === 'input_audio_timeout_triggered');
    expect(timeouts).toHaveLength(1);
    expect(timeouts[0]).toMatchObject({ source: 'client', count: 1 });
  });
});
