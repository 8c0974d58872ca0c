import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import { defineTool } from '../../src/core/session/tools/defineTool.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { isServerEventStep, play, scenario } from '../../src/testing/scenario/index.ts';
import type { Timeline } from '../../src/testing/scenario/types.ts';

async function connected() {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock });
  const session = createRealtimeSession({ transport, clock });
  await session.connect();
  return { clock, transport, session };
}

const texts = (session: ReturnType<typeof createRealtimeSession>) => session.getState().transcript.items.map((item) => item.text);
const itemIds = (timeline: Timeline) =>
  timeline.filter(isServerEventStep).flatMap((step) => (step.event.type === 'conversation.item.added' ? [(step.event.item as { id: string }).id] : []));

describe('two scenarios played into one session', () => {
  it('never reuse ids without a seed, so no item is overwritten', async () => {
    const { clock, transport, session } = await connected();
    const first = scenario().userSays('Hi').assistantSays('Hello').build();
    const second = scenario().userSays('What time is it?').assistantSays('Noon.').build();
    expect(itemIds(second).filter((id) => itemIds(first).includes(id))).toEqual([]);
    play(first, { transport, clock });
    clock.advance(1e4);
    play(second, { transport, clock });
    clock.advance(1e4);
    expect(texts(session)).toHaveLength(4);
    expect(texts(session)).toContain('Hi');
  });

  it('chain with scenario({ after }): four rows in order, previous_item_id carried, audio positions go on', async () => {
    const { clock, transport, session } = await connected();
    const first = scenario().userSays('Hi').assistantSays('Hello').build();
    const second = scenario({ after: first }).userSays('What time is it?').assistantSays('Noon.').build();
    const firstAdded = second.filter(isServerEventStep).find((step) => step.event.type === 'conversation.item.added')!;
    expect((firstAdded.event as { previous_item_id: string | null }).previous_item_id).toBe(itemIds(first).at(-1));
    const started = second.filter(isServerEventStep).find((step) => step.event.type === 'input_audio_buffer.speech_started')!;
    expect((started.event as { audio_start_ms: number }).audio_start_ms).toBe(first.at(-1)!.atMs);
    play(first, { transport, clock });
    clock.advance(1e4);
    play(second, { transport, clock });
    clock.advance(1e4);
    expect(texts(session)).toEqual(['Hi', 'Hello', 'What time is it?', 'Noon.']);
  });

  it('keeps an explicit seed deterministic', () => {
    const build = () => scenario({ seed: 5 }).userSays('Hi').build();
    expect(build()).toEqual(build());
    expect(scenario().userSays('Hi').build()).not.toEqual(scenario().userSays('Hi').build());
  });
});

describe('continuing a timeline that waits for the client', () => {
  // Its follow-up is written only when it resumes: a chained timeline's items would land before it.
  it('is refused with a RangeError that says what to do, for a tool call and an MCP approval', () => {
    const toolCall = scenario().userSays('Weather?').toolCall('get_weather', { city: 'Paris' }, { followUp: 'Sunny.' }).build();
    expect(() => scenario({ after: toolCall }).assistantSays('More?').build()).toThrow(/waits for the client \(tool_outputs\).*after the toolCall/);
    const approval = scenario().mcpApprovalRequest({ serverLabel: 'github', name: 'create_issue' }).build();
    expect(() => scenario({ after: approval }).assistantSays('More?').build()).toThrow(/waits for the client \(approval\).*after the mcpApprovalRequest/);
  });

  it('goes on in order when written in the same scenario, after the tool call', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock });
    const getWeather = defineTool({
      name: 'get_weather',
      description: 'Weather',
      parameters: z.object({ city: z.string() }),
      execute: ({ city }) => ({ city, sky: 'sunny' }),
    });
    const session = createRealtimeSession({ transport, clock, tools: [getWeather] });
    await session.connect();
    const timeline = scenario()
      .userSays('Weather?')
      .toolCall('get_weather', { city: 'Paris' }, { followUp: 'Sunny.' })
      .userSays('Thanks')
      .assistantSays('You are welcome.')
      .build();
    const { done } = play(timeline, { transport, clock });
    await clock.advanceAsync(60_000);
    await done;
    expect(texts(session).filter(Boolean)).toEqual(['Weather?', 'Sunny.', 'Thanks', 'You are welcome.']);
  });
});
