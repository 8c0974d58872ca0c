import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode, createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleBanner, useIdleBanner } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import type { InputAudioTimeoutTriggeredEvent } from '../../../src/core/session/types.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

import type { FakeSession } from '../../react/helpers/createFakeSession.ts';

afterEach(cleanup);

function timeoutEvent(count: number): InputAudioTimeoutTriggeredEvent {
  return {
    type: 'input_audio_timeout_triggered',
    itemId: `item_${count}`,
    audioStartMs: 1000,
    audioEndMs: 7000,
    idleMs: 6000,
    source: 'server',
    count,
  };
}

function timedOut(session: FakeSession, count = 1) {
  act(() => session.setIdle({ phase: 'timed_out', timeouts: count, last: timeoutEvent(count), timeoutMs: 6000 }));
}

function ending(session: FakeSession, endsAt: number) {
  act(() => session.setIdle({ phase: 'ending', timeouts: 3, last: timeoutEvent(3), endsAt }));
}

function setup(ui: React.ReactNode, session = createFakeSession()) {
  act(() => session.setIdle({ phase: 'listening', timeoutMs: 6000 }));
  const result = render(<RealtimeProvider session={session}>{ui}</RealtimeProvider>);
  return { session, ...result };
}

describe('IdleBanner', () => {
  it('keeps an empty polite live region while the user is not idle', () => {
    setup(<IdleBanner />);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.dataset.state).toBe('closed');
    expect(region.dataset.phase).toBe('listening');
    expect(region.textContent).toBe('');
  });

  it('opens with the default copy when a timeout fires, and names the number of re-prompts', () => {
    const { session } = setup(<IdleBanner />);
    timedOut(session);
    const region = screen.getByRole('status');
    expect(region.dataset.state).toBe('open');
    expect(region.dataset.phase).toBe('timed_out');
    expect(screen.getByText('Are you still there?')).toBeTruthy();
    expect(screen.getByRole('button', { name: "I'm still here" })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'End session' })).toBeTruthy();
    expect(region.getAttribute('aria-labelledby')).toBe(screen.getByText('Are you still there?').id);
    timedOut(session, 2);
    expect(region.textContent).toContain('reminder 2');
  });

  it('"I\'m still here" calls stillHere() and closes the banner', () => {
    const onOpenChange = vi.fn();
    const { session } = setup(<IdleBanner onOpenChange={onOpenChange} />);
    timedOut(session);
    expect(onOpenChange).toHaveBeenLastCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: "I'm still here" }));
    expect(session.calls).toContain('stillHere');
    expect(screen.getByRole('status').dataset.state).toBe('closed');
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
  });

  it('"End session" disconnects', () => {
    const { session } = setup(<IdleBanner />);
    act(() => void session.connect());
    timedOut(session);
    fireEvent.click(screen.getByRole('button', { name: 'End session' }));
    expect(session.calls).toContain('disconnect');
  });

  it("runs the user's handler first, and preventDefault() skips the banner's action", () => {
    const order: string[] = [];
    const { session } = setup(
      <IdleBanner
        onStillHere={(event) => {
          order.push('user');
          event.preventDefault();
        }}
        onEndSession={() => order.push('user-end')}
      />,
    );
    timedOut(session);
    fireEvent.click(screen.getByRole('button', { name: "I'm still here" }));
    expect(order).toEqual(['user']);
    expect(session.calls).not.toContain('stillHere');
    expect(screen.getByRole('status').dataset.state).toBe('open');
  });

  it('composes onClick on a part the same way', () => {
    const { session } = setup(
      <IdleBanner.Root>
        <IdleBanner.StillHereButton onClick={(event) => event.preventDefault()} />
        <IdleBanner.EndButton onClick={() => session.calls.push('user-end')} />
      </IdleBanner.Root>,
    );
    timedOut(session);
    fireEvent.click(screen.getByRole('button', { name: "I'm still here" }));
    expect(session.calls).not.toContain('stillHere');
    act(() => void session.connect());
    fireEvent.click(screen.getByRole('button', { name: 'End session' }));
    expect(session.calls.slice(-2)).toEqual(['user-end', 'disconnect']);
  });

  it('translates every visible string, with functions for plurals and the countdown', () => {
    const { session } = setup(
      <IdleBanner
        labels={{
          title: 'Bist du noch da?',
          description: ({ timeouts }) => `${timeouts} Erinnerung${timeouts === 1 ? '' : 'en'}`,
          countdown: ({ secondsLeft }) => `Ende in ${secondsLeft} Sekunden`,
          stillHere: 'Ich bin noch da',
          end: 'Beenden',
        }}
      />,
    );
    ending(session, 10_000);
    const region = screen.getByRole('status');
    expect(region.textContent).toContain('Bist du noch da?');
    expect(region.textContent).toContain('3 Erinnerungen');
    expect(screen.getByRole('timer').textContent).toBe('Ende in 10 Sekunden');
    expect(screen.getByRole('button', { name: 'Ich bin noch da' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Beenden' })).toBeTruthy();
    expect(region.textContent).not.toMatch(/still there|End session/);
  });

  it('counts down on the session clock in phase ending', () => {
    const { session } = setup(<IdleBanner />);
    ending(session, 10_000);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('Ending the session in 10 s');
    expect(timer.style.getPropertyValue('--rrk-idle-countdown-progress')).toBe('1');
    act(() => session.clock.advance(3000));
    expect(screen.getByRole('timer').textContent).toBe('Ending the session in 7 s');
    expect(screen.getByRole('status').dataset.phase).toBe('ending');
  });

  it('shows no countdown while merely timed out', () => {
    const { session } = setup(<IdleBanner />);
    timedOut(session);
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('can be controlled: `open` wins over the phase and onOpenChange reports the wish', () => {
    const onOpenChange = vi.fn();
    const { session, rerender } = setup(<IdleBanner open={false} onOpenChange={onOpenChange} />);
    timedOut(session);
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(screen.getByRole('status').dataset.state).toBe('closed');
    rerender(
      <RealtimeProvider session={session}>
        <IdleBanner open onOpenChange={onOpenChange} />
      </RealtimeProvider>,
    );
    expect(screen.getByRole('status').dataset.state).toBe('open');
    act(() => session.setIdle({ phase: 'listening', timeouts: 0 }));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole('status').dataset.state).toBe('open');
  });

  it('drops default classes when unstyled and keeps the user className', () => {
    const { session, container } = setup(<IdleBanner unstyled className="mine" />);
    timedOut(session);
    expect(screen.getByRole('status').className).toBe('mine');
    expect(container.querySelector('[class*="rrk-"]')).toBeNull();
  });

  it('adds the default classes otherwise', () => {
    const { session } = setup(<IdleBanner className="mine" />);
    timedOut(session);
    expect(screen.getByRole('status').className).toBe('rrk-idle-banner mine');
    expect(screen.getByText('Are you still there?').className).toBe('rrk-idle-banner__title');
  });

  it('renders a render function with the banner state and actions', () => {
    const { session } = setup(
      <IdleBanner
        render={(banner) => (
          <button type="button" onClick={banner.stillHere}>
            Back ({banner.state.timeouts}, {banner.state.source}, {banner.state.idleMs} ms)
          </button>
        )}
      />,
    );
    timedOut(session, 2);
    fireEvent.click(screen.getByRole('button', { name: 'Back (2, server, 6000 ms)' }));
    expect(session.calls).toContain('stillHere');
  });

  it('renders composed parts and their children instead of labels', () => {
    const { session } = setup(
      <IdleBanner.Root data-testid="root">
        <IdleBanner.Title>Hello?</IdleBanner.Title>
        <IdleBanner.Countdown>{({ secondsLeft }) => `${secondsLeft}…`}</IdleBanner.Countdown>
      </IdleBanner.Root>,
    );
    ending(session, 5000);
    expect(screen.getByTestId('root').textContent).toBe('Hello?5…');
  });

  it('renders wire-derived text as text, never HTML', () => {
    const { session, container } = setup(<IdleBanner labels={{ title: '<img src=x onerror=alert(1)>' }} />);
    timedOut(session);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });

  it('throws a clear error when a part is used outside the root', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<IdleBanner.Title />)).toThrow(/IdleBanner\.Title.*IdleBanner\.Root/);
    vi.restoreAllMocks();
  });
});

describe('IdleBanner onOpenChange', () => {
  /** A banner whose owner keeps `open` in its own state and follows every `onOpenChange`. */
  function renderControlled(
    session: ReturnType<typeof createFakeSession>,
    { initiallyOpen, onOpenChange }: { initiallyOpen: boolean; onOpenChange: (open: boolean) => void },
  ) {
    function Controlled() {
      const [open, setOpen] = useState(initiallyOpen);
      return (
        <IdleBanner
          open={open}
          onOpenChange={(value) => {
            onOpenChange(value);
            setOpen(value);
          }}
        />
      );
    }
    return render(
      <RealtimeProvider session={session}>
        <Controlled />
      </RealtimeProvider>,
    );
  }

  it('reports each change once when controlled: StillHere gives [true, false]', () => {
    const onOpenChange = vi.fn();
    const session = createFakeSession();
    act(() => session.setIdle({ phase: 'listening', timeoutMs: 6000 }));
    renderControlled(session, { initiallyOpen: false, onOpenChange });
    timedOut(session);
    fireEvent.click(screen.getByRole('button', { name: "I'm still here" }));
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
    expect(screen.getByRole('status').dataset.state).toBe('closed');
  });

  it('reports false when a button is pressed on a banner the app opened itself', () => {
    // The app opens the banner on its own (a preview, a check of its own): the phase never
    // opened it, yet "I'm still here" must still ask the owner to close it.
    const session = createFakeSession();
    act(() => session.setIdle({ phase: 'listening', timeoutMs: 6000 }));
    const onOpenChange = vi.fn();
    renderControlled(session, { initiallyOpen: true, onOpenChange });
    fireEvent.click(screen.getByRole('button', { name: "I'm still here" }));
    expect(onOpenChange.mock.calls).toEqual([[false]]);
    expect(screen.getByRole('status').dataset.state).toBe('closed');
  });

  it('reports each change once when "End session" is pressed', () => {
    const onOpenChange = vi.fn();
    const { session } = setup(<IdleBanner onOpenChange={onOpenChange} />);
    timedOut(session);
    fireEvent.click(screen.getByRole('button', { name: 'End session' }));
    act(() => session.setIdle({ phase: 'ended' }));
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
  });

  it('reports true on mount when the phase is already open, controlled closed', () => {
    const onOpenChange = vi.fn();
    const session = createFakeSession();
    timedOut(session);
    render(
      <RealtimeProvider session={session}>
        <IdleBanner open={false} onOpenChange={onOpenChange} />
      </RealtimeProvider>,
    );
    expect(onOpenChange.mock.calls).toEqual([[true]]);
  });

  it('reports true once on mount under StrictMode, and nothing on mount while closed', () => {
    const opened = vi.fn();
    const closed = vi.fn();
    const session = createFakeSession();
    timedOut(session);
    render(
      <StrictMode>
        <RealtimeProvider session={session}>
          <IdleBanner onOpenChange={opened} />
        </RealtimeProvider>
      </StrictMode>,
    );
    expect(opened.mock.calls).toEqual([[true]]);
    cleanup();
    const quiet = createFakeSession();
    act(() => quiet.setIdle({ phase: 'listening', timeoutMs: 6000 }));
    render(
      <RealtimeProvider session={quiet}>
        <IdleBanner onOpenChange={closed} />
      </RealtimeProvider>,
    );
    expect(closed).not.toHaveBeenCalled();
  });
});

describe('IdleBanner focus on close', () => {
  function outsideAndBanner(session: FakeSession, banner: React.ReactNode = <IdleBanner />) {
    act(() => session.setIdle({ phase: 'listening', timeoutMs: 6000 }));
    return render(
      <RealtimeProvider session={session}>
        <input aria-label="message" />
        {banner}
      </RealtimeProvider>,
    );
  }

  it('"I\'m still here" returns focus to the element focused before the banner', () => {
    const session = createFakeSession();
    outsideAndBanner(session);
    const input = screen.getByRole('textbox', { name: 'message' });
    input.focus();
    timedOut(session);
    const button = screen.getByRole('button', { name: "I'm still here" });
    button.focus();
    fireEvent.click(button);
    expect(screen.getByRole('status').dataset.state).toBe('closed');
    expect(document.activeElement).toBe(input);
  });

  it('"End session" with nothing focused before: focus goes to the root, focusable only while needed', () => {
    const session = createFakeSession();
    outsideAndBanner(session);
    timedOut(session);
    const button = screen.getByRole('button', { name: 'End session' });
    button.focus();
    fireEvent.click(button);
    act(() => session.setIdle({ phase: 'ended' }));
    const root = screen.getByRole('status');
    expect(document.activeElement).toBe(root);
    expect(root.getAttribute('tabindex')).toBe('-1');
    screen.getByRole('textbox', { name: 'message' }).focus();
    expect(root.hasAttribute('tabindex')).toBe(false);
  });

  it('moves focus out when the idle phase closes the banner under the focus', () => {
    const session = createFakeSession();
    outsideAndBanner(session);
    const input = screen.getByRole('textbox', { name: 'message' });
    input.focus();
    timedOut(session);
    screen.getByRole('button', { name: "I'm still here" }).focus();
    act(() => session.setIdle({ phase: 'listening', timeouts: 0 }));
    expect(document.activeElement).toBe(input);
  });

  it('leaves focus alone when it was not inside the banner', () => {
    const session = createFakeSession();
    outsideAndBanner(session);
    const input = screen.getByRole('textbox', { name: 'message' });
    timedOut(session);
    input.focus();
    act(() => session.setIdle({ phase: 'listening', timeouts: 0 }));
    expect(document.activeElement).toBe(input);
    expect(screen.getByRole('status').hasAttribute('tabindex')).toBe(false);
  });

  it('under StrictMode, reopening with focus on the root does not pull focus back from where the user went', () => {
    // StrictMode's second mount of the content runs FocusWatch's cleanup while the root holds
    // focus (given to it at the last close): that is not a close and must not be remembered as one.
    const session = createFakeSession();
    act(() => session.setIdle({ phase: 'listening', timeoutMs: 6000 }));
    render(
      <StrictMode>
        <RealtimeProvider session={session}>
          <input aria-label="message" />
          <IdleBanner />
        </RealtimeProvider>
      </StrictMode>,
    );
    timedOut(session);
    screen.getByRole('button', { name: "I'm still here" }).focus();
    act(() => session.setIdle({ phase: 'listening', timeouts: 0 }));
    const root = screen.getByRole('status');
    expect(document.activeElement).toBe(root);
    timedOut(session);
    const input = screen.getByRole('textbox', { name: 'message' });
    input.focus();
    act(() => session.setIdle({ phase: 'listening', timeouts: 0 }));
    expect(document.activeElement).toBe(input);
  });

  it("runs the user's onFocus first, and still returns focus when it prevents the default", () => {
    const session = createFakeSession();
    const seen: string[] = [];
    const onFocus = (event: React.FocusEvent) => {
      seen.push('user focus');
      event.preventDefault();
    };
    outsideAndBanner(session, <IdleBanner onFocus={onFocus} />);
    const input = screen.getByRole('textbox', { name: 'message' });
    input.focus();
    timedOut(session);
    const button = screen.getByRole('button', { name: "I'm still here" });
    button.focus();
    expect(seen).toEqual(['user focus']);
    fireEvent.click(button);
    expect(document.activeElement).toBe(input);
  });

  it("still returns focus when the user's onFocus throws (React reports the error and goes on)", () => {
    // React reports an error thrown by an event handler and keeps the page running: the banner
    // must keep working, so its focus bookkeeping cannot depend on the user's handler returning.
    const reported: unknown[] = [];
    const onError = (event: ErrorEvent) => {
      reported.push(event.error);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    try {
      const session = createFakeSession();
      const onFocus = () => {
        throw new Error('analytics is down');
      };
      outsideAndBanner(session, <IdleBanner onFocus={onFocus} />);
      const input = screen.getByRole('textbox', { name: 'message' });
      input.focus();
      timedOut(session);
      const button = screen.getByRole('button', { name: "I'm still here" });
      button.focus();
      fireEvent.click(button);
      expect(document.activeElement).toBe(input);
      // Reported (React 18 in development reports it twice), and nothing else went wrong.
      expect(reported.length).toBeGreaterThan(0);
      expect(reported.every((error) => error instanceof Error && error.message === 'analytics is down')).toBe(true);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it("runs the user's onBlur, and still drops the root's tabindex when it prevents the default", () => {
    const session = createFakeSession();
    const seen: string[] = [];
    const onBlur = (event: React.FocusEvent) => {
      seen.push('user blur');
      event.preventDefault();
    };
    outsideAndBanner(session, <IdleBanner onBlur={onBlur} />);
    timedOut(session);
    const button = screen.getByRole('button', { name: 'End session' });
    button.focus();
    fireEvent.click(button);
    act(() => session.setIdle({ phase: 'ended' }));
    const root = screen.getByRole('status');
    expect(root.getAttribute('tabindex')).toBe('-1');
    screen.getByRole('textbox', { name: 'message' }).focus();
    expect(seen).toContain('user blur');
    expect(root.hasAttribute('tabindex')).toBe(false);
  });
});

describe('IdleBanner ref', () => {
  it('forwards its ref to the root element', () => {
    const ref = createRef<HTMLDivElement>();
    setup(<IdleBanner ref={ref} />);
    expect(ref.current).toBe(screen.getByRole('status'));
  });
});

describe('IdleBanner ARIA references', () => {
  it('names only parts that are rendered: no Title or Description, no references', () => {
    const { session } = setup(
      <IdleBanner.Root>
        <IdleBanner.StillHereButton />
      </IdleBanner.Root>,
    );
    timedOut(session);
    const root = screen.getByRole('status');
    expect(root.hasAttribute('aria-labelledby')).toBe(false);
    expect(root.hasAttribute('aria-describedby')).toBe(false);
  });

  it('references the Title when there is no Description, and every id resolves', () => {
    const { session } = setup(
      <IdleBanner.Root>
        <IdleBanner.Title />
        <IdleBanner.StillHereButton />
      </IdleBanner.Root>,
    );
    timedOut(session);
    const root = screen.getByRole('status');
    expect(root.getAttribute('aria-labelledby')).toBe(screen.getByText('Are you still there?').id);
    expect(root.hasAttribute('aria-describedby')).toBe(false);
  });

  it('drops a reference when its part unmounts, and forwards the parts\' refs', () => {
    const titleRef = createRef<HTMLParagraphElement>();
    function Banner({ withDescription }: { withDescription: boolean }) {
      return (
        <IdleBanner.Root>
          <IdleBanner.Title ref={titleRef} />
          {withDescription ? <IdleBanner.Description /> : null}
        </IdleBanner.Root>
      );
    }
    const { session, rerender } = setup(<Banner withDescription />);
    timedOut(session);
    const root = screen.getByRole('status');
    const describedBy = root.getAttribute('aria-describedby');
    expect(describedBy && document.getElementById(describedBy)).toBeTruthy();
    expect(titleRef.current?.id).toBe(root.getAttribute('aria-labelledby'));
    rerender(
      <RealtimeProvider session={session}>
        <Banner withDescription={false} />
      </RealtimeProvider>,
    );
    expect(root.hasAttribute('aria-describedby')).toBe(false);
    expect(root.getAttribute('aria-labelledby')).toBe(titleRef.current?.id);
  });

  it('sets the references from the headless props wherever they are spread', () => {
    function Headless() {
      const { rootProps, titleProps, state } = useIdleBanner();
      return <div {...rootProps}>{state.open ? <strong {...titleProps}>Hello?</strong> : null}</div>;
    }
    const { session } = setup(<Headless />);
    timedOut(session);
    const root = screen.getByRole('status');
    expect(root.getAttribute('aria-labelledby')).toBe(screen.getByText('Hello?').id);
    expect(root.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('IdleBanner root props', () => {
  it("lets the user's role and aria-* win, keeps the state data attributes, passes other data-*", () => {
    const { session } = setup(
      <IdleBanner role="alert" aria-live="off" aria-label="Idle warning" data-testid="banner" data-state="bogus" />,
    );
    timedOut(session);
    const root = screen.getByTestId('banner');
    expect(root.getAttribute('role')).toBe('alert');
    expect(root.getAttribute('aria-live')).toBe('off');
    expect(root.getAttribute('aria-label')).toBe('Idle warning');
    expect(root.dataset.state).toBe('open');
    expect(root.dataset.phase).toBe('timed_out');
  });

  it('announces assertively while ending, politely otherwise, still as a status', () => {
    const { session } = setup(<IdleBanner />);
    const root = screen.getByRole('status');
    timedOut(session);
    expect(root.getAttribute('aria-live')).toBe('polite');
    ending(session, 10_000);
    expect(root.getAttribute('role')).toBe('status');
    expect(root.getAttribute('aria-live')).toBe('assertive');
    act(() => session.setIdle({ phase: 'listening', timeouts: 0, endsAt: null }));
    expect(root.getAttribute('aria-live')).toBe('polite');
  });

  it("keeps the user's aria-live while ending", () => {
    const { session } = setup(<IdleBanner aria-live="polite" />);
    ending(session, 10_000);
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
  });
});

describe('IdleBanner forceMount', () => {
  it('keeps the parts mounted but hidden and inert while closed, unwrapped in layout while open', () => {
    const { session } = setup(<IdleBanner forceMount />);
    const root = screen.getByRole('status');
    const content = root.querySelector('.rrk-idle-banner__content') as HTMLElement;
    expect(content.hidden).toBe(true);
    expect(content.hasAttribute('inert')).toBe(true);
    expect(screen.queryByRole('button', { name: "I'm still here" })).toBeNull();
    timedOut(session);
    expect(content.hidden).toBe(false);
    expect(content.hasAttribute('inert')).toBe(false);
    expect(content.style.display).toBe('contents');
    expect(screen.getByRole('button', { name: "I'm still here" })).toBeTruthy();
  });

  it('moves focus out of the parts it hides on close', () => {
    const session = createFakeSession();
    act(() => session.setIdle({ phase: 'listening', timeoutMs: 6000 }));
    render(
      <RealtimeProvider session={session}>
        <input aria-label="message" />
        <IdleBanner forceMount />
      </RealtimeProvider>,
    );
    const input = screen.getByRole('textbox', { name: 'message' });
    input.focus();
    timedOut(session);
    const button = screen.getByRole('button', { name: "I'm still here" });
    button.focus();
    fireEvent.click(button);
    expect(document.activeElement).toBe(input);
  });
});
