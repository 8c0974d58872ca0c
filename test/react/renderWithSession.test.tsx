import { Profiler, createContext, useContext, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import './helpers/autoCleanup.ts';
import { useConnectionState, useIdleCountdown, useIdleTimeout } from '../../src/react/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { renderWithSession } from '../../src/testing/react.ts';

function Status() {
  return <p data-testid="status">{useConnectionState().status}</p>;
}

describe('renderWithSession', () => {
  it('renders connected, on a mock transport and a virtual clock', async () => {
    const { getByTestId, session, transport, clock } = await renderWithSession(<Status />);
    expect(getByTestId('status').textContent).toBe('connected');
    expect(transport.connected).toBe(true);
    expect(session.clock).toBe(clock);
  });

  it('can leave the session disconnected, use a given transport, and wrap the UI', async () => {
    const Theme = createContext('none');
    function Themed() {
      return <p data-testid="theme">{useContext(Theme)}</p>;
    }
    const transport = createMockTransport();
    const { getByTestId, transport: used } = await renderWithSession(
      <>
        <Status />
        <Themed />
      </>,
      {
        connect: false,
        transport,
        wrapper: ({ children }: { children?: ReactNode }) => <Theme.Provider value="dark">{children}</Theme.Provider>,
        reactStrictMode: true,
      },
    );
    expect(used).toBe(transport);
    expect(getByTestId('status').textContent).toBe('idle');
    expect(getByTestId('theme').textContent).toBe('dark');
  });

  it('advance() ticks a countdown without re-rendering idle consumers that did not ask for it', async () => {
    let quietRenders = 0;
    function Quiet() {
      return <p>{useIdleTimeout().phase}</p>;
    }
    function Ticking() {
      return <p data-testid="left">{useIdleCountdown() ?? '-'}</p>;
    }
    const { getByTestId, advance, session } = await renderWithSession(
      <>
        <Profiler id="quiet" onRender={() => quietRenders++}>
          <Quiet />
        </Profiler>
        <Ticking />
      </>,
      { idle: { timeoutMs: 8000, clientFallback: 'always' } },
    );
    // Let the client silence clock start (it waits for the session to be configured).
    for (let i = 0; i < 20 && session.getState().idle.deadline === null; i++) advance(100);
    expect(session.getState().idle.deadline).not.toBeNull();
    const before = quietRenders;
    const first = Number(getByTestId('left').textContent);
    advance(1000);
    advance(1000);
    expect(Number(getByTestId('left').textContent)).toBe(first - 2000);
    expect(quietRenders).toBe(before);
  });
});
