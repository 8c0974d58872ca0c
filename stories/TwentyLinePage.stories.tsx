import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionIndicator, IdleBanner, SessionControls, TranscriptView } from '../src/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import { directScenario, pauseForViewer } from './support/directScenario.ts';
import { connectionIndicator, findIdleMarkers, idleBanner } from './support/queries.ts';
import { bannerOpen, hasIdleMarker, quiet, statusIs } from './support/states.ts';
import { argsKey, defaultSessionArgs, sessionArgTypes } from './support/storyArgs.ts';
import type { SessionStoryArgs } from './support/storyArgs.ts';
import { conversationFollowUp, conversationTimeline } from './support/timelines.ts';
import { WAIT } from './support/wait.ts';

const meta: Meta<SessionStoryArgs> = {
  title: 'Demo/Twenty-line page',
  parameters: { layout: 'padded' },
  args: { ...defaultSessionArgs, idleTimeoutMs: 8000 },
  argTypes: sessionArgTypes,
};

export default meta;
type Story = StoryObj<SessionStoryArgs>;

/** Whether two boxes share a line (their vertical extents overlap). */
const onOneLine = (a: DOMRect, b: DOMRect) => a.top < b.bottom && b.top < a.bottom;

/**
 * The page's play: the status and the buttons apart (side by side on a wide screen, stacked
 * on a phone; `layout` says which one the story must show), the transcript under them and the
 * banner under the transcript, apart too; then the user answers the banner.
 */
function playPage(layout?: 'side by side' | 'stacked'): Story['play'] {
  return async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(statusIs('connected'), 'the connection');
    const indicator = connectionIndicator(canvasElement);
    const controls = within(canvasElement).getByRole('group', { name: 'Session controls' });
    await waitFor(() => expect(indicator).toHaveTextContent('Connected'), WAIT);
    // The default theme spaces the status and the buttons, whether they share a line or not.
    const status = indicator.getBoundingClientRect();
    const buttons = controls.getBoundingClientRect();
    const shown = onOneLine(status, buttons) ? 'side by side' : 'stacked';
    if (layout) await expect(shown).toBe(layout);
    const between = shown === 'side by side' ? buttons.left - status.right : buttons.top - status.bottom;
    await expect(between).toBeGreaterThanOrEqual(8);

    await scenario.runUntil(
      (state) => bannerOpen('timed_out')(state) && hasIdleMarker(state) && quiet(state),
      'the idle timeout and its re-prompt',
    );
    await findIdleMarkers(within(canvasElement).getByRole('log', { name: 'Conversation' }));
    const banner = idleBanner(canvasElement);
    const stillHere = await within(banner).findByRole('button', { name: "I'm still here" }, WAIT);
    // The banner opens under the transcript, apart from it; so does the transcript under the buttons.
    const log = within(canvasElement).getByRole('log', { name: 'Conversation' });
    const transcript = log.closest<HTMLElement>('.rrk-transcript')!;
    // Layout boxes (offsets), not the banner's box in the middle of its entrance (a transform).
    const bottomOf = (element: HTMLElement) => element.offsetTop + element.offsetHeight;
    await expect(banner.offsetTop - bottomOf(transcript)).toBeGreaterThanOrEqual(8);
    await expect(transcript.offsetTop - bottomOf(controls)).toBeGreaterThanOrEqual(8);
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
    await pauseForViewer(3000);
    await userEvent.click(stillHere);
    await waitFor(() => expect(banner).toHaveAttribute('data-state', 'closed'), WAIT);
    scenario.release();
  };
}

function TwentyLinePage({ args }: { args: SessionStoryArgs }) {
  const timeline = conversationTimeline(args.idleTimeoutMs);
  return (
    <ScenarioSession
      key={argsKey(args)}
      timeline={timeline}
      afterUserReturns={conversationFollowUp(timeline)}
      idle={{ timeoutMs: args.idleTimeoutMs, maxTimeouts: args.maxTimeouts, endGraceMs: args.endGraceMs }}
      speed={args.speed}
    >
      <ConnectionIndicator />
      <SessionControls />
      <TranscriptView />
      <IdleBanner />
    </ScenarioSession>
  );
}

/**
 * The README's "voice page in twenty lines" as written there: the four components one after the
 * other, no layout of their own, only the default theme. On the scripted session instead of
 * the WebRTC transport, so it runs here.
 */
export const AsInTheReadme: Story = {
  render: (args) => <TwentyLinePage args={args} />,
  // Side by side in the browser suite's window; stacked in a phone-sized Storybook viewport.
  play: playPage(),
};

/**
 * The same page as wide as a phone's (360 px less the page's padding): the buttons wrap under
 * the status, apart from it, and nothing overflows.
 */
export const OnAPhone: Story = {
  render: (args) => (
    <div style={{ width: '20.5rem' }}>
      <TwentyLinePage args={args} />
    </div>
  ),
  play: playPage('stacked'),
};
