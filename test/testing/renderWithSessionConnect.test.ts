// @vitest-environment jsdom
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useConnectionState } from '../../src/react/index.ts';
import { cleanup, renderWithSession } from '../../src/testing/react.ts';

function Status() {
  return createElement('p', { 'data-testid': 'status' }, useConnectionState().status);
}

afterEach(cleanup);

describe('renderWithSession with a delayed connect', () => {
  it('resolves connected, the virtual clock moved past the delay', async () => {
    const r = await renderWithSession(createElement(Status), { transport: { connectDelayMs: 100 } });
    expect(r.getByTestId('status').textContent).toBe('connected');
    expect(r.clock.now()).toBeGreaterThanOrEqual(100);
  });

  it('rejects (and unmounts) when the delayed connect fails', async () => {
    await expect(
      renderWithSession(createElement(Status), { transport: { connectDelayMs: 100, connectError: new Error('401') } }),
    ).rejects.toThrow('401');
    expect(document.body.innerHTML).toBe('');
  });
});
