import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionIndicator, ToolApproval, TranscriptView } from '../src/index.ts';
import type { ServerEvent } from '../src/index.ts';
import { scenario } from '../src/testing/index.ts';
import type { Timeline } from '../src/testing/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import { directScenario, pauseForViewer } from './support/directScenario.ts';
import { findTranscriptRow, transcriptLog } from './support/queries.ts';
import { WAIT } from './support/wait.ts';

/**
 * The user asks for something a remote MCP tool does; the model asks before running it. The
 * scripted server waits for the answer, then runs the call (approved) or not (denied).
 */
const deleteBranch: Timeline = scenario({ flavor: 'webrtc', audio: 'placeholder', seed: 11 })
  .sessionCreated()
  .userSays('Delete the old feature/login branch of acme/web, please.')
  .mcpApprovalRequest({
    serverLabel: 'github',
    name: 'delete_branch',
    arguments: { repository: 'acme/web', branch: 'feature/login', force: false },
    output: '{"deleted":"feature/login"}',
    onApproved: 'Done: feature/login is deleted.',
    onDenied: 'Okay, I left the branch alone.',
  })
  .build();

let serverEvent = 0;
/** An approval request as a GA server sends it (its `conversation.item.done`), at `atMs`. */
function requestStep(atMs: number, id: string, serverLabel: string, name: string, args: string) {
  const item = { id, object: 'realtime.item', type: 'mcp_approval_request', server_label: serverLabel, name, arguments: args };
  return { atMs, event: { type: 'conversation.item.done', event_id: `evt_story_${++serverEvent}`, item } as unknown as ServerEvent };
}

/** Two requests waiting at once, the second with arguments that try to be markup. */
const twoRequests: Timeline = (() => {
  const start = scenario({ flavor: 'webrtc', audio: 'placeholder', seed: 12 })
    .sessionCreated()
    .userSays('Tidy up the repository and post a note about it.')
    .build();
  const end = start.at(-1)!.atMs;
  return [
    ...start,
    requestStep(end + 200, 'mcpr_story_1', 'github', 'close_stale_issues', '{"repository":"acme/web","older_than_days":90,"labels":["wontfix","duplicate"]}'),
    requestStep(end + 260, 'mcpr_story_2', 'slack', 'post_message', '{"channel":"#eng","text":"<img src=x onerror=alert(1)> Cleaned up 12 issues"}'),
  ];
})();

interface PageProps {
  theme?: 'light' | 'dark';
  timeline: Timeline;
}

function ApprovalPage({ theme, timeline }: PageProps) {
  return (
    <ScenarioSession timeline={timeline} idle={{ timeoutMs: null }}>
      <div
        data-theme={theme}
        style={{
          display: 'grid',
          gap: '0.75rem',
          maxWidth: '36rem',
          padding: '1rem',
          borderRadius: 12,
          background: 'var(--rrk-color-bg)',
        }}
      >
        <ConnectionIndicator />
        <TranscriptView style={{ '--rrk-transcript-height': '11rem' } as CSSProperties} />
        <ToolApproval />
      </div>
    </ScenarioSession>
  );
}

const meta: Meta<typeof ApprovalPage> = {
  title: 'Components/ToolApproval',
  component: ApprovalPage,
  args: { timeline: deleteBranch },
};

export default meta;
type Story = StoryObj<typeof ApprovalPage>;

/** Hold the scenario where the request is pending, and check what the prompt shows and says. */
async function showPrompt(canvasElement: HTMLElement) {
  const run = await directScenario();
  await run.runUntil((state) => state.approvals.length > 0, 'the approval request');
  const canvas = within(canvasElement);
  const prompt = await canvas.findByRole('group', { name: 'Allow delete_branch?' }, WAIT);
  await expect(within(prompt).getByText('Requested by the github MCP server')).toBeVisible();
  const args = within(prompt).getByRole('group', { name: 'Arguments' });
  await expect(args.textContent).toBe('{\n  "repository": "acme/web",\n  "branch": "feature/login",\n  "force": false\n}');
  await expect(within(prompt).getByRole('button', { name: 'Approve delete_branch' })).toBeVisible();
  await expect(within(prompt).getByRole('button', { name: 'Deny delete_branch' })).toBeVisible();
  // Announced politely, and the focus stays where the user had it.
  const announcer = canvasElement.querySelector('.rrk-tool-approval [role="status"]')!;
  await waitFor(() => expect(announcer.textContent).toBe('Approval needed: github asks to run delete_branch.'), WAIT);
  await expect(prompt.contains(document.activeElement)).toBe(false);
  return { run, prompt };
}

/**
 * The model wants to delete a branch through the GitHub MCP server: the prompt shows the tool,
 * the server and the arguments (indented JSON, as text), and asks before anything runs.
 */
export const McpApprovalPrompt: Story = {
  name: 'MCP approval prompt',
  args: { theme: 'light' },
  play: async ({ canvasElement }) => {
    const { run } = await showPrompt(canvasElement);
    run.release();
  },
};

/** The same prompt in the dark theme. */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const { run } = await showPrompt(canvasElement);
    run.release();
  },
};

/**
 * Approve from the keyboard: the answer goes to the server, which runs the MCP call and says
 * so; the prompt leaves.
 */
export const ApproveFromTheKeyboard: Story = {
  args: { theme: 'light' },
  play: async ({ canvasElement }) => {
    const { run, prompt } = await showPrompt(canvasElement);
    await pauseForViewer(800);
    within(prompt).getByRole('button', { name: 'Approve delete_branch' }).focus();
    await userEvent.keyboard('{Enter}');
    await run.runUntil(
      (state) => state.transcript.items.some((item) => item.role === 'assistant' && item.text.includes('is deleted') && item.status === 'completed'),
      "the assistant's answer after the call",
    );
    await findTranscriptRow(transcriptLog(canvasElement), 'assistant', 'Done: feature/login is deleted.');
    await waitFor(() => expect(within(canvasElement).queryByRole('group', { name: 'Allow delete_branch?' })).toBeNull(), WAIT);
    run.release();
  },
};

/**
 * Two requests at once: one at a time, the oldest first, with its place in the queue. The
 * second one's arguments try to be markup; they show as text.
 */
export const TwoRequests: Story = {
  args: { theme: 'light', timeline: twoRequests },
  play: async ({ canvasElement }) => {
    const run = await directScenario();
    await run.runUntil((state) => state.approvals.length === 2, 'two approval requests');
    const canvas = within(canvasElement);
    const first = await canvas.findByRole('group', { name: 'Allow close_stale_issues?' }, WAIT);
    await expect(within(first).getByText('1 of 2')).toBeVisible();
    await userEvent.click(within(first).getByRole('button', { name: 'Deny close_stale_issues' }));
    const second = await canvas.findByRole('group', { name: 'Allow post_message?' }, WAIT);
    await expect(second).toHaveFocus();
    await expect(within(second).getByRole('group', { name: 'Arguments' }).textContent).toContain('<img src=x onerror=alert(1)>');
    await expect(canvasElement.querySelector('img')).toBeNull();
    run.release();
  },
};
