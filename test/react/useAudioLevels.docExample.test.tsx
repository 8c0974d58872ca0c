// The test example of docs/audio-levels.md, run for real: a component drawn from levels on a
// mock session, driven by the virtual clock.
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import './helpers/autoCleanup.ts';
import { useAudioLevels } from '../../src/react/index.ts';
import { scenario } from '../../src/testing/scenario/index.ts';
import { renderWithSession } from '../../src/testing/renderWithSession.tsx';

function VoiceDot() {
  const dot = useRef<HTMLDivElement>(null);
  useAudioLevels((levels) => dot.current?.style.setProperty('--level', levels.output.toFixed(2)));
  return <div ref={dot} data-testid="dot" />;
}

describe('docs/audio-levels.md: levels in a test', () => {
  it('follows the assistant while it speaks', async () => {
    const { play, advance, getByTestId, unmount } = await renderWithSession(<VoiceDot />);
    play(scenario().assistantSays('Hello! How can I help?').build());
    advance(800);
    expect(Number(getByTestId('dot').style.getPropertyValue('--level'))).toBeGreaterThan(0);
    advance(5000);
    expect(getByTestId('dot').style.getPropertyValue('--level')).toBe('0.00');
    unmount();
  });
});
