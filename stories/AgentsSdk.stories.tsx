import type { Meta, StoryObj } from '@storybook/react-vite';
import { OpenAIRealtimeWebSocket, RealtimeAgent, RealtimeSession } from '@openai/agents-realtime';
import { useEffect, useId, useState } from 'react';
import type { CSSProperties } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { VoiceSessionView, createRealtimeSession, getTurnDetection, useRealtimeEvents } from '../src/index.ts';
import type { ClientEvent, Clock, SessionConfig } from '../src/index.ts';
import { createAgentsRealtimeTransport } from '../src/agents/index.ts';
import { scenario } from '../src/testing/index.ts';
import type { Timeline } from '../src/testing/index.ts';
import { createScriptedRealtimeServer } from './support/createScriptedRealtimeServer.ts';
import type { ScriptedRealtimeServer } from './support/createScriptedRealtimeServer.ts';
import { directScenario } from './support/directScenario.ts';
import { PacedSession } from './support/PacedSession.tsx';
import { findIdleMarkers, findTranscriptRow, idleBanner, transcriptLog } from './support/queries.ts';
import { bannerOpen, hasIdleMarker, hasRow, quiet } from './support/states.ts';
import { WAIT } from './support/wait.ts';

// ---- The app's agents, as an Agents SDK app already has them --------------------------------

const billingAgent = new RealtimeAgent({
  name: 'Billing',
  handoffDescription: 'Charges, refunds and invoices.',
  instructions: "You are Acme's billing specialist. Look into charges, refund duplicates, keep answers short.",
});

const greeterAgent = new RealtimeAgent({
  name: 'Greeter',
  instructions: 'You greet callers to Acme support. Hand anything about charges, refunds or invoices to Billing.',
  handoffs: [billingAgent],
});

const AGENTS = [greeterAgent, billingAgent];

const IDLE_TIMEOUT_MS = 6000;

// ---- The scripted Realtime server ------------------------------------------------------------

/**
 * What the model says and does, from the kit's scenario builder. The SDK names a handoff's tool
 * `transfer_to_<agent name>`; the call waits for the SDK's output and `response.create`, and the
 * answer that follows is the Billing agent's. Then the caller goes quiet and the server's idle
 * timeout fires (its re-prompt included).
 */
function supportCallTimeline(): Timeline {
  // As over a WebSocket: audio deltas of real length, from which the kit estimates when the
  // answer has been heard (the SDK's WebSocket transport reports no playback), and no
  // `output_audio_buffer.*` events (WebRTC's).
  return scenario({ flavor: 'websocket', idleTimeoutMs: IDLE_TIMEOUT_MS })
    .silence(600)
    .userSays('Hi there!')
    .assistantSays('Hi, welcome to Acme support! What can I do for you today?')
    .userSays('I think I was charged twice for my subscription this month.')
    .toolCall('transfer_to_Billing', {}, {
      followUp:
        "Hi, this is Billing. I can see two charges of 12 dollars on March 3rd, so I've refunded the second one. It will be back on your card within five days.",
    })
    .idleTimeout({ reprompt: 'Are you still there? Is there anything else I can help with?' })
    .build();
}

// ---- The wiring: what an Agents SDK app adds to use the kit ---------------------------------

interface SupportCall {
  session: ReturnType<typeof createRealtimeSession>;
  agentSession: RealtimeSession;
  server: ScriptedRealtimeServer;
  dispose: () => void;
}

/**
 * The SDK's session, as the app builds it, with the scripted server in place of OpenAI's; the
 * kit's session on top of it. The clock is the story's (a play function holds the scenario
 * with it); an app passes none.
 */
function createSupportCall(clock: Clock): SupportCall {
  const server = createScriptedRealtimeServer({ clock, timeline: supportCallTimeline });
  const agentSession = new RealtimeSession(greeterAgent, {
    // The SDK's WebSocket transport on a fake socket: nothing reaches api.openai.com. In a
    // browser this transport plays no audio (the app would), so the story has none to hear.
    transport: new OpenAIRealtimeWebSocket({ createWebSocket: server.createWebSocket }),
    // Not for the network: nothing is uploaded from the browser either way (agents-realtime has
    // no trace exporter; agents-core's default one only logs to the console). A Realtime
    // session is traced by OpenAI's server when the SDK's session.update asks for it
    // (`tracing: 'auto'`); there is no OpenAI server here to ask.
    tracingDisabled: true,
  });
  const session = createRealtimeSession({
    transport: createAgentsRealtimeTransport({ session: agentSession, connectOptions: { apiKey: 'ek_demo' } }),
    idle: { timeoutMs: IDLE_TIMEOUT_MS },
    clock,
  });
  return { session, agentSession, server, dispose: () => server.stop() };
}

// ---- The page: the kit's voice view, and what the SDK did --------------------------------------

interface WireUpdate {
  /** Who sent it: an agent's name (the SDK sends the active agent's instructions), or the kit. */
  sender: string;
  /** Why it was sent, in words. */
  reason: string;
  vad: string;
  idleTimeoutMs: number | null;
}

/** A `session.update` the server received, if it set turn detection. */
function wireUpdate(event: ClientEvent): WireUpdate | undefined {
  if (event.type !== 'session.update') return undefined;
  const config = event.session as SessionConfig & { instructions?: string };
  const turnDetection = getTurnDetection(config);
  if (turnDetection === undefined) return undefined;
  const vad = turnDetection?.type ?? 'none';
  const idleTimeoutMs = turnDetection?.type === 'server_vad' ? (turnDetection.idle_timeout_ms ?? null) : null;
  const agent = AGENTS.find((candidate) => candidate.instructions === config.instructions);
  if (!agent) return { sender: 'react-realtime-kit', reason: 'its idle policy', vad, idleTimeoutMs };
  return { sender: agent.name, reason: agent === greeterAgent ? 'SDK, on connect' : 'SDK, on the handoff', vad, idleTimeoutMs };
}

/** The SDK's side of the call: the active agent (from its `agent_handoff` event) and the turn detection each `session.update` put on the wire. */
function AgentsPanel({ agentSession, server, style }: Pick<SupportCall, 'agentSession' | 'server'> & { style?: CSSProperties }) {
  const [agent, setAgent] = useState(agentSession.currentAgent.name);
  const [handoffs, setHandoffs] = useState<string[]>([]);
  const [updates, setUpdates] = useState<WireUpdate[]>([]);
  const titleId = useId();

  useEffect(() => {
    const onHandoff = (_context: unknown, from: { name: string }, to: { name: string }) => {
      setAgent(to.name);
      setHandoffs((list) => [...list, `${from.name} → ${to.name}`]);
    };
    agentSession.on('agent_handoff', onHandoff);
    const offReceived = server.onReceived((event) => {
      const update = wireUpdate(event);
      if (update) setUpdates((list) => [...list, update]);
    });
    return () => {
      agentSession.off('agent_handoff', onHandoff);
      offReceived();
    };
  }, [agentSession, server]);

  // A new connection is a new SDK session: it starts again with its first agent.
  useRealtimeEvents('status_changed', ({ status }) => {
    if (status !== 'connecting') return;
    setAgent(agentSession.initialAgent.name);
    setHandoffs([]);
    setUpdates([]);
  });

  return (
    <section aria-labelledby={titleId} style={{ ...cardStyle, ...style }}>
      <h2 id={titleId} style={eyebrowStyle}>
        Agents SDK
      </h2>
      <dl style={{ display: 'grid', gap: '0.75rem', margin: 0 }}>
        <div style={factStyle}>
          <dt style={mutedSmallStyle}>Active agent</dt>
          <dd data-field="active-agent" style={{ margin: 0, fontSize: 'var(--rrk-font-size-lg)', fontWeight: 600 }}>
            {agent}
          </dd>
        </div>
        <div style={factStyle}>
          <dt style={mutedSmallStyle}>Handoffs</dt>
          <dd data-field="handoffs" style={{ margin: 0 }}>
            {handoffs.length > 0 ? handoffs.join(', ') : 'None yet'}
          </dd>
        </div>
      </dl>
      <div style={{ display: 'grid', gap: '0.5rem', paddingTop: '0.75rem', borderTop: '1px solid var(--rrk-color-border)' }}>
        <h3 style={{ ...mutedSmallStyle, margin: 0, fontWeight: 400 }}>
          Turn detection in each <code>session.update</code> on the wire
        </h3>
        <ol aria-label="Turn detection sent" style={{ display: 'grid', gap: '0.5rem', margin: 0, padding: 0, listStyle: 'none' }}>
          {updates.map((update, index) => (
            <li
              key={index}
              data-sender={update.sender}
              data-idle-timeout-ms={update.idleTimeoutMs ?? ''}
              style={{ display: 'grid', gap: '0.125rem' }}
            >
              <span>
                <span style={{ fontWeight: 600 }}>{update.sender}</span> <span style={mutedSmallStyle}>{update.reason}</span>
              </span>
              <code style={codeStyle}>
                {update.vad}
                {update.idleTimeoutMs !== null ? (
                  <>
                    , <span style={{ whiteSpace: 'nowrap', color: 'var(--rrk-color-fg)' }}>idle_timeout_ms: {update.idleTimeoutMs}</span>
                  </>
                ) : null}
              </code>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

interface SupportDeskProps {
  theme?: 'light' | 'dark';
}

/**
 * The SDK panel beside the kit's voice view (it takes almost none of the free width there), and
 * as wide as the view once the two are stacked (a phone, a zoomed page).
 */
function SupportDesk({ theme }: SupportDeskProps) {
  return (
    <PacedSession create={createSupportCall}>
      {({ agentSession, server }) => (
        <div data-theme={theme} style={{ minHeight: '100vh', boxSizing: 'border-box', padding: '1rem', background: 'var(--rrk-color-bg)' }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: '1rem', maxWidth: '76rem', marginInline: 'auto' }}>
            <VoiceSessionView title="Acme support" microphone={false} controls={{ showMute: false }} style={{ flex: '999 1 32rem', minWidth: 0 }} />
            <AgentsPanel agentSession={agentSession} server={server} style={{ flex: '1 1 20rem' }} />
          </div>
        </div>
      )}
    </PacedSession>
  );
}

const cardStyle: CSSProperties = {
  boxSizing: 'border-box',
  display: 'grid',
  alignContent: 'start',
  gap: '0.75rem',
  padding: '1.25rem',
  border: '1px solid var(--rrk-color-border)',
  borderRadius: 'var(--rrk-radius-xl)',
  background: 'var(--rrk-color-surface-raised)',
  boxShadow: 'var(--rrk-shadow)',
  color: 'var(--rrk-color-fg)',
  fontFamily: 'var(--rrk-font)',
  fontSize: 'var(--rrk-font-size)',
  lineHeight: 'var(--rrk-line-height)',
};
const eyebrowStyle: CSSProperties = {
  margin: 0,
  fontSize: 'var(--rrk-font-size-xs)',
  lineHeight: 'var(--rrk-line-height-xs)',
  fontWeight: 600,
  letterSpacing: '0.06em',
  textTransform: 'uppercase',
  color: 'var(--rrk-color-muted)',
};
const mutedSmallStyle: CSSProperties = { color: 'var(--rrk-color-muted)', fontSize: 'var(--rrk-font-size-xs)', lineHeight: 'var(--rrk-line-height-xs)' };
const factStyle: CSSProperties = { display: 'grid', gap: '0.125rem' };
const codeStyle: CSSProperties = { fontFamily: 'var(--rrk-font-mono, ui-monospace, monospace)', fontSize: 'var(--rrk-font-size-sm)', color: 'var(--rrk-color-muted)' };

// ---- Stories ------------------------------------------------------------------------------------

/**
 * The kit on an OpenAI Agents SDK app (`@openai/agents-realtime`): a real `RealtimeSession` whose
 * Greeter agent hands off to a Billing agent, wrapped by `createAgentsRealtimeTransport` from
 * `react-realtime-kit/agents`, under the kit's `VoiceSessionView`. The SDK keeps running the
 * agents and the handoff (it executes `transfer_to_Billing` itself and sends the Billing agent's
 * instructions); the kit shows the conversation and the idle banner, and keeps its
 * `idle_timeout_ms` in the SDK's session updates, so the handoff does not switch it off.
 *
 * The SDK talks to a scripted Realtime server behind a fake WebSocket (its `createWebSocket`
 * option): no network, no API key. The SDK's WebSocket transport neither plays audio nor takes
 * the microphone in a browser (the app would), so there is nothing to hear and no mute button;
 * the panel shows the SDK's active agent (from its `agent_handoff` event) and the turn detection
 * each `session.update` put on the wire.
 */
const meta: Meta<typeof SupportDesk> = {
  title: 'Demo/Agents SDK',
  component: SupportDesk,
  parameters: { layout: 'fullscreen' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] } },
};

export default meta;
type Story = StoryObj<typeof SupportDesk>;

const agentsPanel = (canvasElement: HTMLElement) => within(canvasElement).getByRole('region', { name: 'Agents SDK' });

/** The Greeter answers, hands off, Billing answers, the caller goes quiet: the banner opens. */
async function playSupportCall(canvasElement: HTMLElement) {
  const scenario = await directScenario();
  const log = transcriptLog(canvasElement);

  await scenario.runUntil(hasRow('assistant', 'welcome to Acme support'), "the Greeter's answer");
  await findTranscriptRow(log, 'assistant', /welcome to Acme support/);
  await expect(within(agentsPanel(canvasElement)).getByText('Greeter', { selector: '[data-field="active-agent"]' })).toBeVisible();

  await scenario.runUntil(
    (state) => bannerOpen('timed_out')(state) && hasIdleMarker(state) && hasRow('assistant', 'anything else I can help with')(state) && quiet(state),
    'the idle banner after the re-prompt',
  );
  // Both agents' answers, the idle marker, and the banner the server's timeout opened.
  await findTranscriptRow(log, 'assistant', /welcome to Acme support/);
  await findTranscriptRow(log, 'assistant', /this is Billing/);
  await findIdleMarkers(log);
  await waitFor(() => expect(idleBanner(canvasElement)).toHaveAttribute('data-state', 'open'), WAIT);
  await expect(within(idleBanner(canvasElement)).getByRole('button', { name: "I'm still here" })).toBeVisible();
  await expect(scenario.session.getState().idle.last?.source).toBe('server');

  // The SDK handed off, and its session.update for Billing still carried the kit's idle timeout.
  const panel = agentsPanel(canvasElement);
  await waitFor(() => expect(panel.querySelector('[data-field="active-agent"]')).toHaveTextContent('Billing'), WAIT);
  await expect(panel.querySelector('[data-field="handoffs"]')).toHaveTextContent('Greeter → Billing');
  const billingUpdates = panel.querySelectorAll('li[data-sender="Billing"]');
  await expect(billingUpdates.length).toBeGreaterThan(0);
  await expect(billingUpdates[billingUpdates.length - 1]).toHaveAttribute('data-idle-timeout-ms', String(IDLE_TIMEOUT_MS));
  scenario.release();
}

/** A support call: the Greeter hands off to Billing, the caller goes quiet, the idle banner opens. */
export const Light: Story = {
  args: { theme: 'light' },
  play: ({ canvasElement }) => playSupportCall(canvasElement),
};

/** The same call in the dark theme. */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: ({ canvasElement }) => playSupportCall(canvasElement),
};
