// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { MicrophoneSelect } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';
import { createFakeMediaDevices, microphone } from './fakeMediaDevices.ts';

describe('MicrophoneSelect on the server', () => {
  it('renders a labelled select with the default option, without window, navigator or any enumeration', () => {
    expect(typeof window).toBe('undefined');
    const fake = createFakeMediaDevices([microphone('a', 'Mic A')]);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const html = renderToString(
      <RealtimeProvider session={createFakeSession()}>
        <MicrophoneSelect />
        <MicrophoneSelect mediaDevices={fake} />
      </RealtimeProvider>,
    );
    expect(html).toContain('<select');
    expect(html).toContain('>Microphone</label>');
    expect(html).toContain('>Default</option>');
    expect(html).toContain('role="alert"');
    expect(fake.enumerateCalls).toBe(0);
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
