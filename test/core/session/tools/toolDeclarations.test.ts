import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { defineTool } from '../../../../src/core/session/tools/defineTool.ts';
import { setup } from '../helpers.ts';
import { controlledTool, settle } from './toolHarness.ts';

const weather = controlledTool('get_weather').tool;
const search = controlledTool('search').tool;
const mcp = { type: 'mcp', server_label: 'docs', server_url: 'https://example.com/mcp' };

const declaredNames = (event: { session: { tools?: readonly { name?: string; type: string }[] } }) =>
  (event.session.tools ?? []).map((tool) => tool.name ?? tool.type);

describe('client tool declarations', () => {
  test('every connect declares the client tools, after the app config tools', async () => {
    const h = setup({ tools: [weather], config: { instructions: 'Hi', tools: [mcp] } });
    await h.session.connect();
    const [update] = h.transport.sentOfType('session.update');
    expect(update?.session.instructions).toBe('Hi');
    expect(update?.session.tools).toEqual([mcp, weather.declaration]);
    expect(h.transport.invalidSent).toEqual([]);

    // Reconnect: the new server session is told again, nothing else is re-sent.
    h.session.disconnect();
    h.transport.clearRecords();
    await h.session.connect();
    await settle();
    expect(h.transport.sent.map((e) => e.type)).toEqual(['session.update']);
    expect(h.transport.sentOfType('session.update')[0]?.session.tools).toEqual([mcp, weather.declaration]);
  });

  test('a session without config still sends its tools on connect', async () => {
    const h = setup({ tools: [weather] });
    await h.session.connect();
    await settle();
    expect(h.transport.sentOfType('session.update').map(declaredNames)).toEqual([['get_weather']]);
  });

  test('updateSession with tools keeps the client tools; a client tool wins a name clash', async () => {
    const h = setup({ tools: [weather] });
    await h.session.connect();
    h.transport.clearRecords();
    const appWeather = { type: 'function', name: 'get_weather', description: 'the app one', parameters: { type: 'object' } };
    h.session.updateSession({ tools: [mcp, appWeather] });
    const [update] = h.transport.sentOfType('session.update');
    expect(update?.session.tools).toEqual([mcp, weather.declaration]);

    // A patch without tools leaves the server's list alone.
    h.session.updateSession({ instructions: 'Be brief' });
    expect(h.transport.sentOfType('session.update')[1]?.session.tools).toBeUndefined();

    // The app's tools stay wanted for the next connect.
    h.session.disconnect();
    h.transport.clearRecords();
    await h.session.connect();
    expect(h.transport.sentOfType('session.update')[0]?.session.tools).toEqual([mcp, weather.declaration]);
  });

  test('a session.update sent through sendEvent keeps the client tools too', async () => {
    const h = setup({ tools: [weather] });
    await h.session.connect();
    h.transport.clearRecords();
    h.session.sendEvent({ type: 'session.update', session: { type: 'realtime', tools: [mcp] } });
    expect(h.transport.sentOfType('session.update')[0]?.session.tools).toEqual([mcp, weather.declaration]);
  });

  test('registrations while connected send one session.update per burst with the full list', async () => {
    const h = setup({ tools: [weather] });
    await h.session.connect();
    h.transport.clearRecords();
    const third = defineTool({ name: 'third', description: 'd', parameters: z.object({}), execute: () => 1 });
    h.session.registerTool(search);
    const removeThird = h.session.registerTool(third);
    expect(h.transport.sentOfType('session.update')).toHaveLength(0); // batched: a microtask later
    await settle();
    expect(h.transport.sentOfType('session.update').map(declaredNames)).toEqual([['get_weather', 'search', 'third']]);

    removeThird();
    removeThird(); // twice is once
    await settle();
    expect(h.transport.sentOfType('session.update').map(declaredNames)).toEqual([
      ['get_weather', 'search', 'third'],
      ['get_weather', 'search'],
    ]);
    expect(h.transport.invalidSent).toEqual([]);
  });

  test("StrictMode's register, unregister, register sends at most one update", async () => {
    const h = setup();
    await h.session.connect();
    h.transport.clearRecords();
    h.session.registerTool(search)();
    h.session.registerTool(search);
    await settle();
    expect(h.transport.sentOfType('session.update').map(declaredNames)).toEqual([['search']]);

    // The same set again (an unmount and remount in one tick): nothing to tell the server.
    const again = h.session.registerTool(weather);
    again();
    await settle();
    expect(h.transport.sentOfType('session.update')).toHaveLength(1);
  });

  test('removing the last tool undeclares it; the app config tools stay', async () => {
    const h = setup({ config: { tools: [mcp] } });
    await h.session.connect();
    h.transport.clearRecords();
    const remove = h.session.registerTool(search);
    await settle();
    remove();
    await settle();
    expect(h.transport.sentOfType('session.update').map((e) => e.session.tools)).toEqual([[mcp, search.declaration], [mcp]]);
  });

  test('a later registration of a name replaces the earlier one until it is removed', async () => {
    const h = setup({ tools: [weather] });
    await h.session.connect();
    h.transport.clearRecords();
    const other = defineTool({ name: 'get_weather', description: 'v2', parameters: z.object({}), execute: () => 2 });
    const remove = h.session.registerTool(other);
    await settle();
    remove();
    await settle();
    expect(h.transport.sentOfType('session.update').map((e) => e.session.tools)).toEqual([[other.declaration], [weather.declaration]]);
  });

  test('changes while disconnected are sent by the next connect, not before', async () => {
    const h = setup();
    h.session.registerTool(search);
    await settle();
    expect(h.transport.sent).toEqual([]);
    const connecting = h.session.connect();
    h.session.registerTool(weather); // while connecting
    await connecting;
    await settle();
    expect(h.transport.sentOfType('session.update').map(declaredNames)).toEqual([['search', 'get_weather']]);
    expect(h.events.filter((e) => e.type === 'error')).toEqual([]);
  });
});
