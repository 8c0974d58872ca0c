import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { IdleBanner } from '../../src/index.ts';
import { ScenarioSession } from '../support/ScenarioSession.tsx';
import { directScenario } from '../support/directScenario.ts';
import { idleBanner } from '../support/queries.ts';
import { statusIs } from '../support/states.ts';
import { WAIT } from '../support/wait.ts';

// `src/components/internal/` holds what the components share: the controlled-or-followed open
// state (useControllableOpen), mounting with an exit animation (Presence), focus return
// (useRestoreFocusOnClose, FocusWatch) and handlers composed with the user's first. None of it
// is public on its own; this story shows it through the component that uses all of it.

/** An app that opens the banner itself and follows `onOpenChange`. */
function AppOpenedBanner() {
  const [open, setOpen] = useState(false);
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 480 }}>
      <button type="button" onClick={() => setOpen(true)}>
        Preview the idle banner
      </button>
      <p data-testid="reported">{open ? 'open' : 'closed'}</p>
      <IdleBanner open={open} onOpenChange={setOpen} />
    </div>
  );
}

const meta: Meta = {
  title: 'Components/Internal: shared behaviour',
};

export default meta;
type Story = StoryObj;

/**
 * Controlled open, presence and focus return: the app opens the banner (the session never
 * timed out), the user answers it, the banner asks its owner to close, animates out, and focus
 * goes back where it was before the banner took it.
 */
export const ControlledOpenAndFocusReturn: Story = {
  render: () => (
    <ScenarioSession timeline={[]}>
      <AppOpenedBanner />
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(statusIs('connected'), 'the connection');
    const canvas = within(canvasElement);
    const region = idleBanner(canvasElement);
    await expect(region).toHaveAttribute('data-state', 'closed');

    const preview = canvas.getByRole('button', { name: 'Preview the idle banner' });
    await userEvent.click(preview);
    await expect(preview).toHaveFocus();
    const stillHere = await within(region).findByRole('button', { name: "I'm still here" }, WAIT);
    await expect(region).toHaveAttribute('data-state', 'open');

    await userEvent.click(stillHere);
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'closed'), WAIT);
    await expect(canvas.getByTestId('reported')).toHaveTextContent('closed');
    await waitFor(() => expect(preview).toHaveFocus(), WAIT);
    scenario.release();
  },
};
