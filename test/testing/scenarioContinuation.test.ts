import { describe, expect, it } from 'vitest';
import { createRealtimeSession } from '../../src/core/session/index.ts';
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
