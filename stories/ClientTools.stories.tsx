import type { Meta, StoryObj } from '@storybook/react-vite';
import { useId, useMemo, useState } from 'react';
import type { CSSProperties } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import * as z from 'zod/mini';
import { TranscriptView, VoiceSessionView, defineTool, useClientTool } from '../src/index.ts';
import type { Clock, SessionState, TranscriptItem } from '../src/index.ts';
import { scenario } from '../src/testing/index.ts';
import type { Timeline } from '../src/testing/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import { demoMicrophones } from './support/VoiceAssistantPage.tsx';
import { directScenario, pauseForViewer } from './support/directScenario.ts';
import { findTranscriptRow, transcriptLog } from './support/queries.ts';
import { hasRow } from './support/states.ts';
import { WAIT } from './support/wait.ts';

// ---- The app's side: a weather card and the client tool that fills it ---------------------

interface Forecast {
  city: string;
  country: string;
  tempC: number;
  feelsLikeC: number;
  condition: 'Sunny' | 'Partly cloudy' | 'Light rain';
  humidity: number;
  windKmh: number;
  windFrom: string;
}

/** The app's "weather service": a few stations, looked up by city name. */
const STATIONS: Record<string, Forecast> = {
  lisbon: { city: 'Lisbon', country: 'Portugal', tempC: 21, feelsLikeC: 22, condition: 'Sunny', humidity: 58, windKmh: 14, windFrom: 'north' },
  porto: { city: 'Porto', country: 'Portugal', tempC: 17, feelsLikeC: 16, condition: 'Partly cloudy', humidity: 71, windKmh: 22, windFrom: 'north-west' },
  tokyo: { city: 'Tokyo', country: 'Japan', tempC: 12, feelsLikeC: 10, condition: 'Light rain', humidity: 88, windKmh: 9, windFrom: 'east' },
};

type CardState =
  | { status: 'idle' }
  | { status: 'loading'; city: string }
  | { status: 'ready'; forecast: Forecast }
  | { status: 'error'; city: string; message: string };

/** The service's latency, on the session's clock (so a play function holding the story holds it too). */
function lookUpDelay(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const handle = clock.setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clock.clearTimeout(handle);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * The weather card and its tool: while the card is on the page the model can call
 * `show_weather`, which looks the city up, shows it on the card and answers the model.
 */
function WeatherCard({ style }: { style?: CSSProperties }) {
  const [card, setCard] = useState<CardState>({ status: 'idle' });
  // Defined once (setCard never changes); useClientTool would also take one defined inline.
  const showWeather = useMemo(
    () =>
      defineTool({
        name: 'show_weather',
        description: 'Look up the current weather in a city and show it on the weather card next to the conversation.',
        parameters: z.object({ city: z.string().check(z.minLength(1)) }),
        execute: async ({ city }, { signal, session }) => {
          setCard({ status: 'loading', city });
          try {
            await lookUpDelay(session.clock, 1200, signal);
          } catch (cause) {
            setCard({ status: 'idle' });
            throw cause;
          }
          const forecast = STATIONS[city.trim().toLowerCase()];
          if (!forecast) {
            const message = `No weather station found for ${city}.`;
            setCard({ status: 'error', city, message });
            throw new Error(message);
          }
          setCard({ status: 'ready', forecast });
          return forecast;
        },
      }),
    [],
  );
  useClientTool(showWeather);

  const titleId = useId();
  const sunny = card.status === 'ready' && card.forecast.condition === 'Sunny';
  return (
    <section aria-labelledby={titleId} data-state={card.status} style={{ ...cardStyle, ...(sunny ? sunnyCardStyle : {}), ...style }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: '0.5rem' }}>
        <h2 id={titleId} style={eyebrowStyle}>
          Weather
        </h2>
        {card.status === 'ready' ? <span style={mutedSmallStyle}>Just updated</span> : null}
      </div>
      <div aria-live="polite" style={{ display: 'grid', gap: '0.75rem' }}>
        {card.status === 'idle' ? (
          <p style={{ ...mutedStyle, margin: 0 }}>Ask the assistant about the weather anywhere: the card shows what it finds.</p>
        ) : null}
        {card.status === 'loading' ? (
          <p style={{ margin: 0, display: 'flex', alignItems: 'center', gap: '0.5rem' }}>
            <Spinner />
            Looking up {card.city}…
          </p>
        ) : null}
        {card.status === 'error' ? (
          <p role="alert" style={errorStyle}>
            {card.message}
          </p>
        ) : null}
        {card.status === 'ready' ? <ForecastView forecast={card.forecast} /> : null}
      </div>
    </section>
  );
}

function Spinner() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden focusable="false">
      <circle cx="8" cy="8" r="6" fill="none" stroke="var(--rrk-color-border-strong)" strokeWidth="2" />
      <path d="M8 2a6 6 0 0 1 6 6" fill="none" stroke="var(--rrk-color-accent)" strokeWidth="2" strokeLinecap="round">
        <animateTransform attributeName="transform" type="rotate" from="0 8 8" to="360 8 8" dur="0.9s" repeatCount="indefinite" />
      </path>
    </svg>
  );
}

function ForecastView({ forecast }: { forecast: Forecast }) {
  return (
    <>
      <p style={{ margin: 0, fontSize: 'var(--rrk-font-size-xl)', lineHeight: 'var(--rrk-line-height-xl)', fontWeight: 600 }}>
        {forecast.city}
        <span style={{ ...mutedStyle, fontWeight: 400 }}>, {forecast.country}</span>
      </p>
      <div style={{ display: 'flex', alignItems: 'center', gap: '0.875rem' }}>
        <WeatherIcon condition={forecast.condition} />
        <span style={{ fontSize: '3.25rem', lineHeight: 1, fontWeight: 600, letterSpacing: '-0.03em' }}>{forecast.tempC}°</span>
        <span style={{ fontSize: 'var(--rrk-font-size-lg)' }}>{forecast.condition}</span>
      </div>
      <dl style={factsStyle}>
        <Fact term="Feels like" value={`${forecast.feelsLikeC}°`} />
        <Fact term="Humidity" value={`${forecast.humidity}%`} />
        <Fact term="Wind" value={`${forecast.windKmh} km/h`} />
      </dl>
    </>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div style={{ display: 'grid', gap: '0.125rem' }}>
      <dt style={mutedSmallStyle}>{term}</dt>
      <dd style={{ margin: 0, fontWeight: 600 }}>{value}</dd>
    </div>
  );
}

function WeatherIcon({ condition }: { condition: Forecast['condition'] }) {
  const sun = (
    <g stroke="#f59e0b" strokeWidth="2.5" strokeLinecap="round">
      <circle cx="22" cy="22" r="8" fill="#fbbf24" />
      {[0, 45, 90, 135, 180, 225, 270, 315].map((angle) => (
        <line key={angle} x1="22" y1="6" x2="22" y2="9.5" transform={`rotate(${angle} 22 22)`} />
      ))}
    </g>
  );
  const cloud = <path d="M16 40h20a8 8 0 0 0 0-16 11 11 0 0 0-21-1 8.5 8.5 0 0 0 1 17z" fill="#cbd5e1" stroke="#94a3b8" strokeWidth="1.5" />;
  return (
    <svg width="56" height="56" viewBox="0 0 48 48" aria-hidden focusable="false" style={{ flex: 'none' }}>
      {condition === 'Sunny' ? sun : null}
      {condition === 'Partly cloudy' ? (
        <>
          <g transform="translate(-5 -5)">{sun}</g>
          {cloud}
        </>
      ) : null}
      {condition === 'Light rain' ? (
        <>
          {cloud}
          <g stroke="#60a5fa" strokeWidth="2.5" strokeLinecap="round">
            <line x1="19" y1="43" x2="17" y2="47" />
            <line x1="27" y1="43" x2="25" y2="47" />
            <line x1="35" y1="43" x2="33" y2="47" />
          </g>
        </>
      ) : null}
    </svg>
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
  lineHeight: 'var(--rrk-line-height-md)',
};
// A warm wash for a sunny day, light enough that every text keeps its contrast.
const sunnyCardStyle: CSSProperties = {
  background: 'linear-gradient(160deg, color-mix(in srgb, #f59e0b 10%, var(--rrk-color-surface-raised)), var(--rrk-color-surface-raised) 65%)',
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
const mutedStyle: CSSProperties = { color: 'var(--rrk-color-muted)' };
const mutedSmallStyle: CSSProperties = { ...mutedStyle, fontSize: 'var(--rrk-font-size-xs)', lineHeight: 'var(--rrk-line-height-xs)' };
const errorStyle: CSSProperties = {
  margin: 0,
  padding: '0.625rem 0.75rem',
  borderRadius: 'var(--rrk-radius-md)',
  background: 'var(--rrk-color-danger-soft)',
  color: 'var(--rrk-color-fg)',
  borderInlineStart: '3px solid var(--rrk-color-danger)',
};
const factsStyle: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
  gap: '0.75rem',
  margin: 0,
  paddingTop: '0.75rem',
  borderTop: '1px solid var(--rrk-color-border)',
};

// ---- The scripted server -------------------------------------------------------------------

/** What the assistant says once it has the tool's output (the JSON the app sent). */
function weatherFollowUp(output: string): string {
  const result = JSON.parse(output) as Partial<Forecast> & { error?: string };
  if (result.error) {
    return "Sorry, I couldn't get the weather there: the weather service has no station for that place. Is it perhaps a town with another name? I can check a nearby city instead.";
  }
  return `It's ${result.tempC} degrees and ${String(result.condition).toLowerCase()} in ${result.city}, with a light breeze from the ${result.windFrom}. A good afternoon for a walk by the river.`;
}

function weatherTimeline(): Timeline {
  return scenario({ audio: 'pcm', seed: 21 })
    .sessionCreated()
    .assistantSays('Hi! Ask me about the weather anywhere.')
    .userSays("What's the weather like in Lisbon right now?")
    .toolCall('show_weather', { city: 'Lisbon' }, { callId: 'call_weather_lisbon', followUp: weatherFollowUp })
    .userSays('And in Tokyo?')
    .toolCall('show_weather', { city: 'Tokyo' }, { callId: 'call_weather_tokyo', followUp: weatherFollowUp })
    .build();
}

function failingTimeline(): Timeline {
  return scenario({ audio: 'pcm', seed: 22 })
    .sessionCreated()
    .assistantSays('Hi! Ask me about the weather anywhere.')
    .userSays('What is the weather in Atlantis today?')
    .toolCall('show_weather', { city: 'Atlantis' }, { callId: 'call_weather_atlantis', followUp: weatherFollowUp })
    .userSays('Fine, Porto then.')
    .toolCall('show_weather', { city: 'Porto' }, { callId: 'call_weather_porto', followUp: weatherFollowUp })
    .build();
}

// ---- The page ------------------------------------------------------------------------------

interface DeskProps {
  theme?: 'light' | 'dark';
  timeline: () => Timeline;
}

/** The weather card beside the voice view; stacked on a phone. */
function WeatherDesk({ theme, timeline }: DeskProps) {
  const [mediaDevices] = useState(demoMicrophones);
  const [script] = useState(timeline);
  return (
    <ScenarioSession timeline={script} idle={{ timeoutMs: null }}>
      <div data-theme={theme} style={{ minHeight: '100vh', boxSizing: 'border-box', padding: '1rem', background: 'var(--rrk-color-bg)' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: '1rem', maxWidth: '76rem', marginInline: 'auto' }}>
          <WeatherCard style={{ flex: '1 1 17rem', maxWidth: '24rem' }} />
          <VoiceSessionView title="Weather assistant" microphone={{ mediaDevices }} style={{ flex: '999 1 32rem', minWidth: 0 }} />
        </div>
      </div>
    </ScenarioSession>
  );
}

const meta: Meta<typeof WeatherDesk> = {
  title: 'Demo/Client tools',
  component: WeatherDesk,
  parameters: { layout: 'fullscreen' },
  args: { timeline: weatherTimeline },
};

export default meta;
type Story = StoryObj<typeof WeatherDesk>;

const toolIs =
  (name: string, state: 'running' | 'completed' | 'failed') =>
  (session: SessionState): boolean =>
    session.transcript.items.some((item) => item.tool?.name === name && item.tool.state === state);

const speaking = (text: string) => (state: SessionState) => state.agentState === 'speaking' && hasRow('assistant', text, 'in_progress')(state);

/** The weather card, by its heading. */
const weatherCard = (canvasElement: HTMLElement) => within(canvasElement).getByRole('region', { name: 'Weather' });

/**
 * Open a tool row's details. Its summary takes keyboard focus; the play function then clicks it
 * (user-event's Enter does not run a summary's activation, a real key press does: Chromium
 * opens it on Enter and Space natively).
 */
async function openDetails(row: HTMLElement) {
  const summary = row.querySelector('summary')!;
  summary.focus();
  await expect(summary).toHaveFocus();
  await userEvent.click(summary);
  await waitFor(() => expect(row.querySelector('details')?.open).toBe(true), WAIT);
}

async function playWeather(canvasElement: HTMLElement) {
  const run = await directScenario();
  const card = weatherCard(canvasElement);
  await expect(card).toHaveTextContent('Ask the assistant about the weather anywhere');

  // The model calls the tool: the row runs, the card looks the city up.
  await run.runUntil(toolIs('show_weather', 'running'), 'the weather tool running');
  const log = transcriptLog(canvasElement);
  const row = await findTranscriptRow(log, 'assistant', 'Called show_weather');
  await waitFor(() => expect(row).toHaveAttribute('data-tool-state', 'running'), WAIT);
  await expect(row).toHaveAttribute('aria-busy', 'true');
  await expect(row).toHaveTextContent('Running…');
  await waitFor(() => expect(card).toHaveTextContent('Looking up Lisbon…'), WAIT);

  // The output went back, the scripted server answers with it: the card shows the forecast
  // while the assistant speaks.
  await run.runUntil(speaking('degrees'), 'the follow-up being spoken');
  await waitFor(() => expect(card).toHaveTextContent('21°'), WAIT);
  await expect(within(card).getByText('Sunny')).toBeVisible();
  await expect(card).toHaveTextContent('Lisbon, Portugal');
  await waitFor(() => expect(row).toHaveAttribute('data-tool-state', 'completed'), WAIT);
  await expect(row).toHaveTextContent('Done');
  await expect(row).not.toHaveAttribute('aria-busy');
  // The call and its output are one row.
  await expect(log.querySelectorAll('[data-kind="tool_call"]')).toHaveLength(1);

  await run.runUntil(hasRow('assistant', 'walk by the river'), 'the follow-up spoken');
  await findTranscriptRow(log, 'assistant', /21 degrees and sunny in Lisbon/);
  await pauseForViewer(1500);
  await openDetails(row);
  const details = row.querySelector('dl')!;
  await expect(within(details).getByText('Arguments')).toBeVisible();
  await expect(details).toHaveTextContent('"city": "Lisbon"');
  await expect(details).toHaveTextContent('"tempC": 21');
  // Closed again: the call is one compact line of the conversation.
  await userEvent.click(row.querySelector('summary')!);
  await waitFor(() => expect(row.querySelector('dl')).toBeNull(), WAIT);
  run.release();
}

/**
 * A weather card on the page and its client tool (`defineTool` + `useClientTool`): the user
 * asks, the model calls `show_weather`, the card looks the city up and shows it, and the
 * assistant speaks the answer the scripted server built from the tool's output (it waits for
 * that output, as the Realtime API does). The transcript shows the call as one compact row:
 * running, then done, with its arguments and output a key press away.
 */
export const WeatherTool: Story = {
  name: 'Weather tool',
  args: { theme: 'light' },
  play: async ({ canvasElement }) => playWeather(canvasElement),
};

/** The same in the dark theme. */
export const WeatherToolDark: Story = {
  name: 'Weather tool (dark)',
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => playWeather(canvasElement),
};

/**
 * The tool throws (no station for Atlantis): the session answers the model with the error, the
 * row shows the call failed and why, the card says so, and the assistant recovers by asking for
 * another place. (Watching it, the user then asks for Porto, and the tool succeeds.)
 */
export const FailingTool: Story = {
  name: 'Failing tool',
  args: { theme: 'light', timeline: failingTimeline },
  play: async ({ canvasElement }) => {
    const run = await directScenario();
    await run.runUntil(toolIs('show_weather', 'failed'), 'the weather tool failing');
    const log = transcriptLog(canvasElement);
    const row = await findTranscriptRow(log, 'assistant', 'Called show_weather');
    await waitFor(() => expect(row).toHaveAttribute('data-tool-state', 'failed'), WAIT);
    await expect(row.querySelector('.rrk-transcript__marker')).toHaveTextContent('Failed: No weather station found for Atlantis.');
    const card = weatherCard(canvasElement);
    await waitFor(() => expect(within(card).getByRole('alert')).toHaveTextContent('No weather station found for Atlantis.'), WAIT);

    await run.runUntil(hasRow('assistant', 'a nearby city instead'), 'the assistant recovering');
    await findTranscriptRow(log, 'assistant', /couldn't get the weather there/);
    await openDetails(row);
    await expect(row.querySelector('dl')).toHaveTextContent('"error": "No weather station found for Atlantis."');
    run.release();
  },
};

// ---- Every state of a tool row, from transcript rows -------------------------------------

const toolRow = (id: string, tool: TranscriptItem['tool'], extra: Partial<TranscriptItem> = {}): TranscriptItem => ({
  id,
  role: 'assistant',
  kind: 'tool_call',
  text: '',
  status: 'completed',
  previousItemId: null,
  ...(tool ? { tool } : {}),
  ...extra,
});

const TOOL_ROWS: TranscriptItem[] = [
  { id: 'u1', role: 'user', kind: 'message', text: 'Plan my Saturday in Porto.', status: 'completed', previousItemId: null },
  toolRow('fc_running', { name: 'show_weather', callId: 'c1', arguments: '{"city":"Porto"}', state: 'running' }),
  toolRow('fc_done', {
    name: 'find_restaurants',
    callId: 'c2',
    arguments: '{"city":"Porto","cuisine":"seafood","people":2}',
    state: 'completed',
    output: '{"results":[{"name":"Marisqueira do Porto","rating":4.6},{"name":"Casa Guedes","rating":4.4}]}',
  }),
  toolRow(
    'fc_failed',
    { name: 'book_table', callId: 'c3', arguments: '{"restaurant":"Casa Guedes","time":"20:00"}', state: 'failed', output: '{"error":"Fully booked at 20:00."}' },
    { error: { source: 'handler', code: 'tool_failed', message: 'Fully booked at 20:00.' } },
  ),
  toolRow('mcp_running', { name: 'search_events', callId: 'm1', arguments: '{"city":"Porto","date":"Saturday"}', serverLabel: 'events' }, { status: 'in_progress' }),
  toolRow('mcp_failed', { name: 'get_tide', callId: 'm2', arguments: '{"beach":"Matosinhos"}', serverLabel: 'tides' }, {
    status: 'failed',
    error: { source: 'server', code: 'http_error', message: 'Service Unavailable' },
  }),
  { id: 'a1', role: 'assistant', kind: 'message', text: 'Casa Guedes is full at eight; shall I try half past eight?', status: 'completed', previousItemId: null },
];

/**
 * A tool call in each state, as `TranscriptView` shows them from transcript rows: a client tool
 * running, done and failed; a remote MCP call running and failed (with its server). The done
 * row is open: its arguments and output, pretty-printed, as text. In the system's theme.
 */
export const ToolRows: Story = {
  name: 'Tool rows',
  render: ({ theme }) => (
    <div data-theme={theme} style={{ maxWidth: '40rem', padding: '1rem', background: 'var(--rrk-color-bg)' }}>
      <TranscriptView items={TOOL_ROWS} style={{ '--rrk-transcript-height': '46rem' } as CSSProperties} />
    </div>
  ),
  // No theme of its own: it follows the system's (the browser suite checks both).
  args: { theme: undefined },
  play: async ({ canvasElement }) => {
    const log = transcriptLog(canvasElement);
    const states = [...log.querySelectorAll<HTMLElement>('[data-kind="tool_call"]')].map((row) => row.dataset.toolState);
    await expect(states).toEqual(['running', 'completed', 'failed', 'running', 'failed']);
    const done = await findTranscriptRow(log, 'assistant', 'Called find_restaurants');
    const summaryTop = () => Math.round(done.querySelector('summary')!.getBoundingClientRect().top);
    const before = summaryTop();
    await openDetails(done);
    await expect(done.querySelector('dl')).toHaveTextContent('"name": "Marisqueira do Porto"');
    // Once the taller row is measured (a frame later), the log, pinned to its end, must not move
    // the summary just pressed: the details open below it.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await expect(summaryTop()).toBe(before);
    const mcp = await findTranscriptRow(log, 'assistant', 'Called get_tide');
    await expect(mcp).toHaveTextContent('on tides');
    await expect(mcp).toHaveTextContent('Failed: Service Unavailable');
  },
};
