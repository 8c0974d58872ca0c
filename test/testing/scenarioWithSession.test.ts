import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import { defineTool } from '../../src/core/session/tools/defineTool.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { play, scenario } from '../../src/testing/scenario/index.ts';

/** The scripted server and the real session (with its tool runtime and approvals) together. */
async function connected(options: Omit<Parameters<typeof createRealtimeSession>[0], 'transport' | 'clock'> = {}) {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock });
  const session = createRealtimeSession({ transport, clock, ...options });
  await session.connect();
  const errors: string[] = [];
  session.on('error', (error) => errors.push(String((error as { code?: unknown }).code)));
  const texts = () => session.getState().transcript.items.map((item) => item.text);
  return { clock, transport, session, errors, texts };
}

describe('a scripted tool call played into a real session', () => {
  it('the session runs the tool, answers with the output then response.create, and the follow-up speaks its result', async () => {
    const getWeather = defineTool({
      name: 'get_weather',
      description: 'Current weather for a city.',
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => ({ city, tempC: 18 }),
    });
    const { clock, transport, session, errors, texts } = await connected({ tools: [getWeather] });
    const timeline = scenario({ audio: 'placeholder' })
      .userSays('Weather in Paris?')
      .toolCall('get_weather', { city: 'Paris' }, { followUp: (output) => `It is ${JSON.parse(output).tempC} degrees in ${JSON.parse(output).city}.` })
      .build();
    const { done } = play(timeline, { transport, clock });
    // As docs/testing.md shows it: the tool's promise settles between the timers.
    await clock.advanceAsync(20_000);
    await done;
    expect(texts()).toContain('It is 18 degrees in Paris.');
    expect(errors).toEqual([]);
    expect(transport.invalidSent).toEqual([]);
    session.disconnect();
  });

  it("text the user types while the tool runs is answered too, and the tool's follow-up still plays after it", async () => {
    let release!: () => void;
    const getWeather = defineTool({
      name: 'get_weather',
      description: 'Current weather for a city.',
      parameters: z.object({ city: z.string() }),
      execute: () => new Promise<string>((resolve) => (release = () => resolve('sunny'))),
    });
    const { clock, transport, session, errors, texts } = await connected({ tools: [getWeather] });
    const timeline = scenario({ audio: 'placeholder' })
      .userSays('Weather?')
      .toolCall('get_weather', { city: 'Paris' }, { followUp: (output) => `It is ${output}.` })
      .build();
    const { done } = play(timeline, { transport, clock });
    await clock.advanceAsync(10_000);
    expect(session.getState().agentState).toBe('tool_running');
    session.sendText('And tomorrow?');
    await clock.advanceAsync(1_000);
    release();
    await clock.advanceAsync(20_000);
    expect(texts()).toContain('It is sunny.');
    expect(transport.sentOfType('response.create')).toHaveLength(2);
    expect(errors).toEqual([]);
    expect(session.getState().agentState).toBe('listening');
    session.disconnect();
    await done;
  });

  it('an MCP approval answered with session.respondToApproval plays the approved call and its follow-up', async () => {
    const { clock, transport, session, texts } = await connected();
    const timeline = scenario({ audio: 'placeholder' })
      .userSays('Book the dentist.')
      .mcpApprovalRequest({ serverLabel: 'calendar', name: 'create_event', arguments: { title: 'Dentist' }, onApproved: 'Booked.', onDenied: 'Not booked.' })
      .build();
    play(timeline, { transport, clock });
    clock.advance(60_000);
    const [request] = session.getState().approvals;
    expect(request).toMatchObject({ serverLabel: 'calendar', name: 'create_event' });
    session.respondToApproval(request!.id, true);
    clock.advance(60_000);
    expect(texts()).toContain('Booked.');
    expect(texts()).not.toContain('Not booked.');
    expect(session.getState().approvals).toEqual([]);
    session.disconnect();
  });
});
