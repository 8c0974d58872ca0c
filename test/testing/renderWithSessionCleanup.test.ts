// @vitest-environment jsdom
import { createElement } from 'react';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useConnectionState } from '../../src/react/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { cleanup, renderWithSession } from '../../src/testing/react.ts';

function Status() {
  return createElement('p', { 'data-testid': 'status' }, useConnectionState().status);
}

afterEach(cleanup);

describe('renderWithSession cleanup', () => {
  it('first test renders one tree', async () => {
    await renderWithSession(createElement(Status));
    expect(screen.getByTestId('status').textContent).toBe('connected');
  });

  it('a second test finds only its own tree: cleanup() unmounted the first', async () => {
    await renderWithSession(createElement(Status));
    expect(screen.getAllByTestId('status')).toHaveLength(1);
  });

  it('cleanup() unmounts every tree, disconnects their sessions and empties the page', async () => {
    const a = await renderWithSession(createElement(Status));
    const b = await renderWithSession(createElement(Status));
    expect(screen.getAllByTestId('status')).toHaveLength(2);
    cleanup();
    expect(screen.queryAllByTestId('status')).toHaveLength(0);
    expect(document.body.innerHTML).toBe('');
    expect(a.transport.connected).toBe(false);
    expect(b.transport.connected).toBe(false);
    expect(a.session.getState().status).not.toBe('connected');
  });

  it('unmount() disconnects the session it created', async () => {
    const r = await renderWithSession(createElement(Status));
    r.unmount();
    expect(r.transport.connected).toBe(false);
    expect(screen.queryByTestId('status')).toBeNull();
    r.unmount(); // twice is harmless
  });

  it('unmounts the tree when connecting fails, and rethrows', async () => {
    const transport = createMockTransport({ connectError: new Error('401') });
    await expect(renderWithSession(createElement(Status), { transport })).rejects.toThrow('401');
    expect(screen.queryByTestId('status')).toBeNull();
    expect(document.body.innerHTML).toBe('');
  });
});
