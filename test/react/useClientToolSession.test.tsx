/**
 * useClientTool with the real session and tool runtime on the mock transport: tools mounted or
 * unmounted together reach the server in one `session.update`, and a scripted call runs the
 * latest render's `execute`, whose output the scripted follow-up reads.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import './helpers/autoCleanup.ts';
import { defineTool } from '../../src/core/session/tools/defineTool.ts';
import { useClientTool } from '../../src/react/index.ts';
import { scenario } from '../../src/testing/scenario/index.ts';
import { renderWithSession } from '../../src/testing/renderWithSession.tsx';
import type { MockTransport } from '../../src/testing/createMockTransport.ts';

const cityArgs = z.object({ city: z.string() });
const toolNamed = (name: string) => defineTool({ name, description: `The ${name} tool.`, parameters: cityArgs, execute: () => name });

function Tool({ name }: { name: string }) {
  useClientTool(toolNamed(name));
  return null;
}

function Tools({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name) => (
        <Tool key={name} name={name} />
      ))}
    </>
  );
}

const declaredNames = (transport: MockTransport) =>
  transport.sentOfType('session.update').map((update) => (update.session.tools ?? []).map((tool) => ('name' in tool ? tool.name : '?')));

/** Let the runtime's batch (a microtask) go out. */
const settle = () => act(async () => {});

describe('useClientTool with a session', () => {
  for (const strict of [false, true]) {
    it(`tools mounted in one commit, then unmounted in one, make one session.update each${strict ? ' (StrictMode)' : ''}`, async () => {
      const wrap = (names: readonly string[]) => (strict ? <StrictMode><Tools names={names} /></StrictMode> : <Tools names={names} />);
      const { rerender, transport } = await renderWithSession(wrap([]));
      transport.clearRecords();

      rerender(wrap(['get_weather', 'show_map', 'set_units']));
      await settle();
      expect(declaredNames(transport)).toEqual([['get_weather', 'show_map', 'set_units']]);

      // Re-renders with new (inline-defined) tool objects declare nothing again.
      rerender(wrap(['get_weather', 'show_map', 'set_units']));
      await settle();
      expect(declaredNames(transport)).toHaveLength(1);

      rerender(wrap(['get_weather']));
      await settle();
      expect(declaredNames(transport)).toEqual([['get_weather', 'show_map', 'set_units'], ['get_weather']]);
    });
  }

  it('a scripted call runs the latest execute; the card shows its result and the follow-up reads its output', async () => {
    function WeatherCard() {
      const [units, setUnits] = useState<'C' | 'F'>('C');
      const [shown, setShown] = useState('No forecast yet');
      // Defined inline: a new tool every render, closing over this render's `units`.
      useClientTool(
        defineTool({
          name: 'get_weather',
          description: 'Current weather for a city.',
          parameters: cityArgs,
          execute: ({ city }) => {
            const temp = units === 'C' ? 21 : 70;
            setShown(`${city}: ${temp} °${units}`);
            return { city, temp, units };
          },
        }),
      );
      return (
        <>
          <button type="button" onClick={() => setUnits('F')}>
            Fahrenheit
          </button>
          <p data-testid="card">{shown}</p>
        </>
      );
    }
    const { session, transport, play, advanceAsync } = await renderWithSession(<WeatherCard />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Fahrenheit' }));
    const before = transport.sentOfType('session.update').length;
    play(
      scenario({ audio: 'placeholder' })
        .userSays('Weather in Lisbon?')
        .toolCall('get_weather', { city: 'Lisbon' }, { callId: 'call_lisbon', followUp: (output) => `It is ${JSON.parse(output).temp} degrees.` })
        .build(),
    );
    await advanceAsync(30_000);
    expect(screen.getByTestId('card').textContent).toBe('Lisbon: 70 °F');
    const [answer] = transport.sentOfType('conversation.item.create');
    expect(answer?.item).toMatchObject({ type: 'function_call_output', call_id: 'call_lisbon', output: '{"city":"Lisbon","temp":70,"units":"F"}' });
    expect(transport.sentOfType('response.create')).toHaveLength(1);
    // The change of `units` declared nothing again.
    expect(transport.sentOfType('session.update')).toHaveLength(before);
    await advanceAsync(30_000);
    expect(session.getState().transcript.items.map((item) => item.text)).toContain('It is 70 degrees.');
  });
});
