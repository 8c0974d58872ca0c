// @vitest-environment node
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import { RealtimeProvider, useAudioLevels } from '../../src/react/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';

describe('useAudioLevels on a server', () => {
  it('renders without opening a meter, scheduling a frame or calling back, and without warnings', () => {
    const transport = createMockTransport();
    const openAudioLevelMeter = vi.fn(transport.openAudioLevelMeter);
    transport.openAudioLevelMeter = openAudioLevelMeter;
    const session = createRealtimeSession({ transport });
    const onLevels = vi.fn();
    const consoleError = vi.spyOn(console, 'error');
    const timers = vi.spyOn(globalThis, 'setTimeout');
    function Meter() {
      useAudioLevels(onLevels, { bands: 8 });
      return createElement('span', null, 'meter');
    }
    const html = renderToString(createElement(RealtimeProvider, { session }, createElement(Meter)));
    expect(html).toContain('meter');
    expect(openAudioLevelMeter).not.toHaveBeenCalled();
    expect(onLevels).not.toHaveBeenCalled();
    expect(timers).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    timers.mockRestore();
  });
});
