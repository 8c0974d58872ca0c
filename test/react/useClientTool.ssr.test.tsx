// @vitest-environment node
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import type { AnyClientTool } from '../../src/core/session/types.ts';
import { RealtimeProvider, useClientTool } from '../../src/react/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';

describe('useClientTool on a server', () => {
  it('renders without registering the tool, and without warnings', () => {
    const session = createRealtimeSession({ transport: createMockTransport() });
    const registerTool = vi.spyOn(session, 'registerTool');
    const consoleError = vi.spyOn(console, 'error');
    const tool: AnyClientTool = {
      name: 'show_weather',
      description: 'Show the weather.',
      parameters: z.object({ city: z.string() }),
      execute: () => 'never on a server',
      timeoutMs: null,
      declaration: { type: 'function', name: 'show_weather', description: 'Show the weather.', parameters: { type: 'object' } },
      '~runtime': () => {
        throw new Error('no runtime on a server render');
      },
    };
    function WeatherCard() {
      useClientTool(tool);
      return createElement('p', null, 'weather card');
    }
    const html = renderToString(createElement(RealtimeProvider, { session }, createElement(WeatherCard)));
    expect(html).toContain('weather card');
    expect(registerTool).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
