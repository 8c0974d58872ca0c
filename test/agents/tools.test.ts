import { RealtimeAgent, tool } from '@openai/agents-realtime';
import * as z from 'zod/mini';
import { describe, expect, test, vi } from 'vitest';
import { defineTool } from '../../src/core/session/tools/defineTool.ts';
import { functionCallResponse } from '../fixtures/agentsSdk.ts';
import { createAgentsHarness, settle } from './agentsHarness.ts';

function weatherAgent(execute: (input: unknown) => Promise<string>) {
  const getWeather = tool({
    name: 'get_weather',
    description: 'Current weather for a city.',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
    strict: true,
    execute,
  });
  return new RealtimeAgent({ name: 'Assistant', instructions: 'Help with the weather.', tools: [getWeather] });
}

const kitWeatherTool = defineTool({
  name: 'kit_weather',
  description: 'Weather, run by the kit.',
  parameters: z.object({ city: z.string() }),
  execute: async () => ({ tempC: 21 }),
});

describe("the SDK's agent tools run in the SDK; the kit only shows them", () => {
  test('a call to an agent tool: one function_call_output (the SDK\'s), none from the kit, and the call in the transcript', async () => {
    const execute = vi.fn(async () => 'Sunny, 21 °C');
    const h = createAgentsHarness({ agent: weatherAgent(execute) });
    const kitSends = vi.spyOn(h.transport, 'send');
    await h.session.connect();
    await settle();
    const mark = h.socket.sent.length;
    for (const event of functionCallResponse('resp_1', 'item_call', 'call_1', 'get_weather', '{"city":"Paris"}')) h.socket.serverSends(event);
    await settle(10);
    expect(execute).toHaveBeenCalledOnce();
    const outputs = h.socket.sent.slice(mark).filter((event) => event.type === 'conversation.item.create');
    expect(outputs).toEqual([expect.objectContaining({ item: { type: 'function_call_output', call_id: 'call_1', output: 'Sunny, 21 °C' } })]);
    expect(h.socket.sent.slice(mark).filter((event) => event.type === 'response.create')).toHaveLength(1);
    expect(kitSends.mock.calls.map(([event]) => event.type)).not.toContain('conversation.item.create');
    const row = h.session.getState().transcript.get('item_call');
    expect(row).toMatchObject({ kind: 'tool_call', tool: { name: 'get_weather', callId: 'call_1', arguments: '{"city":"Paris"}' } });
    // The SDK's answer, echoed by the server, reaches the row; the kit no longer waits for it.
    expect(h.session.getState().transcript.items.some((item) => item.tool?.output === 'Sunny, 21 °C')).toBe(true);
    expect(h.session.getState().agentState).not.toBe('tool_running');
  });

  test("kit client tools (tools: [defineTool(...)]) are refused with a clear error: the SDK would answer their calls as 'not found'", async () => {
    const h = createAgentsHarness({ agent: weatherAgent(async () => 'x'), kit: { tools: [kitWeatherTool] } });
    await h.session.connect().catch(() => undefined);
    await settle();
    const { status, error } = h.session.getState();
    expect(status).toBe('error');
    expect(error?.code).toBe('client_tools_unsupported');
    expect(error?.message).toMatch(/kit_weather/);
    expect(error?.message).toMatch(/RealtimeAgent/);
    // The declaration never went out, and the SDK session is closed.
    expect(h.socket.sent.some((event) => JSON.stringify(event).includes('kit_weather'))).toBe(false);
    expect(h.sdkTransport.status).toBe('disconnected');
  });

  test('a client tool registered while connected, or function tools in updateSession, are refused the same way', async () => {
    for (const act of [
      (h: ReturnType<typeof createAgentsHarness>) => h.session.registerTool(kitWeatherTool),
      (h: ReturnType<typeof createAgentsHarness>) =>
        h.session.updateSession({ type: 'realtime', tools: [{ type: 'function', name: 'kit_weather', description: 'x', parameters: { type: 'object' } }] }),
    ]) {
      const h = createAgentsHarness({ agent: weatherAgent(async () => 'x') });
      await h.session.connect();
      await settle();
      act(h);
      await settle();
      expect(h.session.getState()).toMatchObject({ status: 'error', error: { code: 'client_tools_unsupported' } });
      expect(h.socket.sent.some((event) => JSON.stringify(event).includes('kit_weather'))).toBe(false);
      expect(h.socket.closed).toBe(true);
    }
  });

  test("a kit session.update never replaces the agent's tools on the server: an empty client-tool list is not sent", async () => {
    const h = createAgentsHarness({ agent: weatherAgent(async () => 'x') });
    // A client tool registered and removed before connecting leaves the kit declaring `tools: []`.
    h.session.registerTool(kitWeatherTool)();
    await h.session.connect();
    await settle();
    const withTools = h.socket.sentOfType('session.update').filter((event) => 'tools' in (event.session as object));
    expect(withTools.length).toBeGreaterThan(0);
    // Every session.update that names tools is the SDK's, with its agent's tool in it.
    for (const event of withTools) expect((event.session as { tools: Array<{ name: string }> }).tools.map((tool) => tool.name)).toContain('get_weather');
    expect(h.session.getState().status).toBe('connected');
  });

  test("a kit tool runtime left without tools (a client tool registered, then removed) leaves the SDK's calls and handoffs to the SDK: one answer, one response.create", async () => {
    const execute = vi.fn(async () => 'Sunny, 21 °C');
    const h = createAgentsHarness({ agent: weatherAgent(execute) });
    h.session.registerTool(kitWeatherTool)();
    await h.session.connect();
    await settle();
    const mark = h.socket.sent.length;
    for (const event of functionCallResponse('resp_1', 'item_call', 'call_1', 'get_weather', '{"city":"Paris"}')) h.socket.serverSends(event);
    await settle(10);
    const out = h.socket.sent.slice(mark);
    expect(out.filter((event) => event.type === 'conversation.item.create')).toEqual([
      expect.objectContaining({ item: { type: 'function_call_output', call_id: 'call_1', output: 'Sunny, 21 °C' } }),
    ]);
    expect(out.filter((event) => event.type === 'response.create')).toHaveLength(1);
    expect(h.session.getState()).toMatchObject({ status: 'connected', error: null });
  });

  test('remote MCP tools declared through the kit are refused too (the SDK replaces them on its next update)', async () => {
    const h = createAgentsHarness({ agent: weatherAgent(async () => 'x') });
    await h.session.connect();
    await settle();
    h.session.updateSession({ type: 'realtime', tools: [{ type: 'mcp', server_label: 'docs', server_url: 'https://example.com/mcp' }] });
    await settle();
    expect(h.session.getState()).toMatchObject({ status: 'error', error: { code: 'client_tools_unsupported', message: expect.stringMatching(/docs/) } });
    expect(h.socket.sent.some((event) => JSON.stringify(event).includes('example.com/mcp'))).toBe(false);
  });
});
