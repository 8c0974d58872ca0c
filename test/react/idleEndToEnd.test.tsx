import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import './helpers/autoCleanup.ts';
import { useState } from 'react';
import { ConnectionIndicator } from '../../src/components/index.ts';
import { useIdleTimeout, useRealtimeEvents, useTranscript } from '../../src/react/index.ts';
import { renderWithSession } from '../../src/testing/renderWithSession.tsx';
import { scenario } from '../../src/testing/scenario/index.ts';

function IdleProbe({ timeoutMs }: { timeoutMs?: number }) {
  const idle = useIdleTimeout({ timeoutMs, maxTimeouts: 2, endGraceMs: 5000, countdown: true });
  return (
    <div>
      <p data-testid="phase">{idle.phase}</p>
      <p data-testid="count">{idle.timeouts}</p>
      <p data-testid="source">{idle.last?.source ?? '-'}</p>
      <p data-testid="remaining">{idle.remainingMs ?? '-'}</p>
      <button onClick={idle.stillHere}>I'm still here</button>
    </div>
  );
}

function Markers() {
  const { items } = useTranscript({ coalesce: 'none' });
  const hidden = useTranscript({ coalesce: 'none', idleMarkers: false });
  return <p data-testid="markers">{`${items.filter((i) => i.kind === 'idle_timeout').length}/${hidden.items.length}`}</p>;
}

function ErrorProbe() {
  const [error, setError] = useState('-');
  useRealtimeEvents('error', (event) => setError(`${event.error.source}:${event.error.code}`));
  return <p data-testid="error">{error}</p>;
}

/** A short exchange, then two server timeouts in a row (one re-prompt): enough to reach ending. */
function twoServerTimeouts() {
  return scenario({ audio: 'placeholder' })
    .sessionCreated({ idleTimeoutMs: 8000 })
    .userSays('Hello')
    .assistantSays('Hi there!')
    .idleTimeout({ reprompt: 'Are you still there?' })
    .idleTimeout({ reprompt: false })
    .build();
}

describe('the idle timeout through the hooks, on a real session (renderWithSession)', () => {
  it('shows server timeouts, escalates to ending with a countdown, and stillHere() cancels it', async () => {
    const { getByTestId, getByText, play, advance, transport } = await renderWithSession(
      <>
        <IdleProbe timeoutMs={8000} />
        <Markers />
      </>,
    );
    // The policy from the component reached the server.
    const updates = transport.sentOfType('session.update');
    expect(JSON.stringify(updates.at(-1))).toContain('"idle_timeout_ms":8000');

    play(
      twoServerTimeouts(),
    );
    // Until the policy starts ending the session (2 timeouts), half a second at a time.
    for (let t = 0; t < 120_000 && getByTestId('phase').textContent !== 'ending'; t += 500) advance(500);
    expect(getByTestId('count').textContent).toBe('2');
    expect(getByTestId('source').textContent).toBe('server');
    expect(getByTestId('markers').textContent).toMatch(/^2\//);
    expect(getByTestId('phase').textContent).toBe('ending');
    const remaining = Number(getByTestId('remaining').textContent);
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(5000);

    act(() => getByText("I'm still here").click());
    expect(getByTestId('phase').textContent).not.toBe('ending');
    expect(getByTestId('count').textContent).toBe('0');
    expect(getByTestId('remaining').textContent).not.toBe(String(remaining));
  });

  it('ends the session after the grace, and the status says it was the idle policy', async () => {
    const { getByTestId, getByRole, play, advance } = await renderWithSession(
      <>
        <IdleProbe timeoutMs={8000} />
        <ConnectionIndicator />
      </>,
    );
    play(
      twoServerTimeouts(),
    );
    for (let t = 0; t < 120_000 && getByTestId('phase').textContent !== 'ended'; t += 500) advance(500);
    expect(getByTestId('phase').textContent).toBe('ended');
    const status = getByRole('status');
    expect(status.dataset).toMatchObject({ status: 'disconnected', reason: 'idle' });
    expect(status.textContent).toBe('Ended after no reply');
  });

  it('reports an invalid timeout from the component as a config error', async () => {
    const { getByTestId } = await renderWithSession(
      <>
        {/* First, so it listens before the probe's effect applies the policy. */}
        <ErrorProbe />
        <IdleProbe timeoutMs={1000} />
      </>,
    );
    expect(getByTestId('error').textContent).toBe('config:invalid_idle_policy');
  });
});
