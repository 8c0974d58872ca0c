import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties, ReactNode } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { IdleBanner, TranscriptView } from '../src/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import { directScenario } from './support/directScenario.ts';
import { idleBanner } from './support/queries.ts';
import { bannerOpen } from './support/states.ts';
import { argsKey, defaultSessionArgs, idlePolicyOf, sessionArgTypes } from './support/storyArgs.ts';
import type { SessionStoryArgs } from './support/storyArgs.ts';
import { escalationTimeline } from './support/timelines.ts';
import { WAIT } from './support/wait.ts';

/** A session that goes quiet: one timeout, or enough of them to reach the countdown. */
function QuietSession({ args, timeouts = 1, children }: { args: SessionStoryArgs; timeouts?: number; children: ReactNode }) {
  return (
    <ScenarioSession
      key={argsKey(args)}
      timeline={escalationTimeline(args.idleTimeoutMs, timeouts)}
      idle={idlePolicyOf(args)}
      speed={args.speed}
    >
      <div style={{ display: 'grid', gap: '0.75rem', maxWidth: '36rem' }}>
        {children}
        <TranscriptView style={{ '--rrk-transcript-height': '14rem' } as CSSProperties} />
      </div>
    </ScenarioSession>
  );
}

const meta: Meta<SessionStoryArgs> = {
  title: 'Components/IdleBanner',
  // Autodocs: the props table comes from the component.
  component: IdleBanner as unknown as Meta<SessionStoryArgs>['component'],
  subcomponents: {
    'IdleBanner.Root': IdleBanner.Root,
    'IdleBanner.Title': IdleBanner.Title,
    'IdleBanner.Description': IdleBanner.Description,
    'IdleBanner.Countdown': IdleBanner.Countdown,
    'IdleBanner.StillHereButton': IdleBanner.StillHereButton,
    'IdleBanner.EndButton': IdleBanner.EndButton,
  } as Meta['subcomponents'],
  args: { ...defaultSessionArgs, speed: 3 },
  argTypes: sessionArgTypes,
};

export default meta;
type Story = StoryObj<SessionStoryArgs>;

/** Default copy and theme: appears after the timeout, "I'm still here" dismisses it. */
export const Default: Story = {
  render: (args) => (
    <QuietSession args={args}>
      <IdleBanner />
    </QuietSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    const region = idleBanner(canvasElement);
    await expect(region).toHaveAttribute('data-state', 'closed');
    await scenario.runUntil(bannerOpen('timed_out'), 'the idle timeout');
    const stillHere = await within(region).findByRole('button', { name: "I'm still here" }, WAIT);
    await expect(region).toHaveAttribute('data-state', 'open');
    await expect(within(region).getByText('Are you still there?')).toBeVisible();
    await userEvent.click(stillHere);
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'closed'), WAIT);
    scenario.release();
  },
};

/** After `maxTimeouts` the banner counts down to the automatic end of the session. */
export const Countdown: Story = {
  args: { maxTimeouts: 2, endGraceMs: 30000 },
  render: (args) => (
    <QuietSession args={args} timeouts={2}>
      <IdleBanner />
    </QuietSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(bannerOpen('ending'), 'the countdown');
    const banner = within(idleBanner(canvasElement));
    const timer = await banner.findByRole('timer', {}, WAIT);
    await expect(timer).toHaveTextContent(/^Ending the session in 30 s$/);
    await expect(banner.getByText(/No reply after 2 reminders/)).toBeVisible();
    scenario.release();
  },
};

/** Own copy: every visible string through `labels`, functions for numbers. */
export const OwnCopy: Story = {
  args: { maxTimeouts: 2, endGraceMs: 30000 },
  render: (args) => (
    <QuietSession args={args} timeouts={2}>
      <IdleBanner
        labels={{
          title: 'Still with us?',
          description: ({ timeouts, idleMs }) =>
            `Nothing heard for ${Math.round((idleMs ?? 0) / 1000)} seconds (${timeouts} times now).`,
          countdown: ({ secondsLeft }) => `Hanging up in ${secondsLeft}…`,
          stillHere: 'Keep talking',
          end: 'Hang up',
        }}
      />
    </QuietSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(bannerOpen('ending'), 'the countdown');
    const banner = within(idleBanner(canvasElement));
    await expect(await banner.findByRole('timer', {}, WAIT)).toHaveTextContent(/^Hanging up in 30…$/);
    await expect(banner.getByText('Still with us?')).toBeVisible();
    await expect(banner.getByText(/^Nothing heard for \d+ seconds \(2 times now\)\.$/)).toBeVisible();
    await expect(banner.getByRole('button', { name: 'Keep talking' })).toBeVisible();
    await expect(banner.getByRole('button', { name: 'Hang up' })).toBeVisible();
    scenario.release();
  },
};

/** Translated labels (German), plurals included. */
export const TranslatedLabels: Story = {
  args: { maxTimeouts: 2, endGraceMs: 30000 },
  render: (args) => (
    <div lang="de">
      <QuietSession args={args} timeouts={2}>
        <IdleBanner
          labels={{
            title: 'Bist du noch da?',
            description: ({ timeouts }) =>
              timeouts === 1 ? 'Wir haben eine Weile nichts gehört.' : `Keine Antwort nach ${timeouts} Erinnerungen.`,
            countdown: ({ secondsLeft }) => `Die Sitzung endet in ${secondsLeft} ${secondsLeft === 1 ? 'Sekunde' : 'Sekunden'}`,
            stillHere: 'Ich bin noch da',
            end: 'Sitzung beenden',
          }}
        />
      </QuietSession>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(bannerOpen('ending'), 'the countdown');
    const region = idleBanner(canvasElement);
    const banner = within(region);
    await expect(await banner.findByRole('timer', {}, WAIT)).toHaveTextContent(/^Die Sitzung endet in 30 Sekunden$/);
    await expect(banner.getByText('Bist du noch da?')).toBeVisible();
    await userEvent.click(banner.getByRole('button', { name: 'Ich bin noch da' }));
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'closed'), WAIT);
    await expect(banner.queryByText('Bist du noch da?')).toBeNull();
    scenario.release();
  },
};

/** A render function: your own markup, the banner's state and actions. */
export const RenderFunction: Story = {
  render: (args) => (
    <QuietSession args={args}>
      <IdleBanner
        unstyled
        render={(banner) => (
          <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', padding: '0.5rem 0.75rem', border: '2px dashed #8250df', borderRadius: 999 }}>
            <span aria-hidden="true">🎙️</span>
            <span>
              Quiet for {Math.round((banner.state.idleMs ?? 0) / 1000)} s ({banner.state.source} timeout #{banner.state.timeouts})
            </span>
            <button type="button" onClick={banner.stillHere}>
              Back
            </button>
          </div>
        )}
      />
    </QuietSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(bannerOpen('timed_out'), 'the idle timeout');
    const banner = within(idleBanner(canvasElement));
    await banner.findByText(/^Quiet for \d+ s \(server timeout #1\)$/, {}, WAIT);
    await userEvent.click(banner.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(banner.queryByRole('button', { name: 'Back' })).toBeNull(), WAIT);
    scenario.release();
  },
};

const brandTheme = {
  '--rrk-idle-banner-bg': '#1b1035',
  '--rrk-idle-banner-fg': '#f5f0ff',
  '--rrk-idle-banner-border': '#8b5cf6',
  '--rrk-idle-banner-radius': '18px',
  '--rrk-color-accent': '#c4b5fd',
  '--rrk-color-accent-fg': '#1b1035',
  '--rrk-color-danger': '#fca5a5',
  '--rrk-color-danger-fg': '#1b1035',
} as CSSProperties;

/** Own theme through CSS variables only: no class names, no forking. */
export const OwnTheme: Story = {
  args: { maxTimeouts: 2, endGraceMs: 30000 },
  render: (args) => (
    <QuietSession args={args} timeouts={2}>
      <IdleBanner style={brandTheme} />
    </QuietSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(bannerOpen('ending'), 'the countdown');
    const region = idleBanner(canvasElement);
    await within(region).findByRole('button', { name: "I'm still here" }, WAIT);
    await expect(getComputedStyle(region).backgroundColor).toBe('rgb(27, 16, 53)');
    scenario.release();
  },
};

/** Composed parts: your own layout and order, the parts keep their behaviour. */
export const ComposedParts: Story = {
  args: { maxTimeouts: 2, endGraceMs: 30000 },
  render: (args) => (
    <QuietSession args={args} timeouts={2}>
      <IdleBanner.Root style={{ gridTemplateColumns: '1fr auto', alignItems: 'center' }}>
        <div>
          <IdleBanner.Title />
          <IdleBanner.Countdown />
        </div>
        <div style={{ display: 'flex', gap: '0.5rem' }}>
          <IdleBanner.EndButton>Stop</IdleBanner.EndButton>
          <IdleBanner.StillHereButton />
        </div>
      </IdleBanner.Root>
    </QuietSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(bannerOpen('ending'), 'the countdown');
    const banner = within(idleBanner(canvasElement));
    await banner.findByRole('timer', {}, WAIT);
    await expect(banner.getByRole('button', { name: 'Stop' })).toBeVisible();
    await expect(banner.getByRole('button', { name: "I'm still here" })).toBeVisible();
    await expect(banner.queryByText(/reminders/)).toBeNull();
    scenario.release();
  },
};
