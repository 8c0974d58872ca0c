// @vitest-environment jsdom
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useTranscript } from '../../src/react/index.ts';
import { scenario } from '../../src/testing/scenario/index.ts';
import { cleanup, renderWithSession } from '../../src/testing/react.ts';

function Transcript() {
  const { items } = useTranscript();
  return createElement(
    'ul',
    null,
    items.map((item) => createElement('li', { key: item.id }, item.text)),
  );
}

afterEach(cleanup);

const rows = (container: HTMLElement) => [...container.querySelectorAll('li')].map((li) => li.textContent);

describe('renderWithSession advance() settles frame-coalesced hooks', () => {
  it('shows the transcript right after advance(), without a real animation frame', async () => {
    const r = await renderWithSession(createElement(Transcript));
    r.play(scenario().userSays('Hi').assistantSays('Hello there').build());
    r.advance(10_000);
    expect(rows(r.container)).toEqual(['Hi', 'Hello there']);
  });

  it('shows streaming text part-way through an answer', async () => {
    const r = await renderWithSession(createElement(Transcript));
    const timeline = scenario().assistantSays('One two three four', { audioMs: 4000 }).build();
    r.play(timeline);
    r.advance(600);
    const partial = rows(r.container);
    expect(partial).toHaveLength(1);
    expect(partial[0]!.length).toBeGreaterThan(0);
    expect(partial[0]).not.toBe('One two three four');
    r.advance(10_000);
    expect(rows(r.container)).toEqual(['One two three four']);
  });
});
