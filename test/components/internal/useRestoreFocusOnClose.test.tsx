import { cleanup, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { FocusWatch } from '../../../src/components/internal/FocusWatch.tsx';
import { useRestoreFocusOnClose } from '../../../src/components/internal/useRestoreFocusOnClose.ts';

afterEach(cleanup);

/** A part that removes its button on close, the way the idle banner does. */
function Closable({ open }: { open: boolean }) {
  const rootRef = useRef<HTMLDivElement>(null);
  const focus = useRestoreFocusOnClose(rootRef, open);
  return (
    <div ref={rootRef} data-testid="root" onFocus={focus.onFocus} onBlur={focus.onBlur}>
      {open ? (
        <FocusWatch rootRef={rootRef} focusInsideAtClose={focus.focusInsideAtClose}>
          <button type="button">inside</button>
        </FocusWatch>
      ) : null}
    </div>
  );
}

function page(open: boolean) {
  return (
    <>
      <input aria-label="outside" />
      <Closable open={open} />
    </>
  );
}

describe('useRestoreFocusOnClose with FocusWatch', () => {
  it('returns focus to where it came from when the focused content is removed', () => {
    const { rerender } = render(page(true));
    const outside = screen.getByRole('textbox', { name: 'outside' });
    outside.focus();
    screen.getByRole('button', { name: 'inside' }).focus();
    rerender(page(false));
    expect(document.activeElement).toBe(outside);
  });

  it('focuses the root, focusable only until focus leaves it, when there is nowhere to return to', () => {
    const { rerender } = render(page(true));
    screen.getByRole('button', { name: 'inside' }).focus();
    rerender(page(false));
    const root = screen.getByTestId('root');
    expect(document.activeElement).toBe(root);
    expect(root.getAttribute('tabindex')).toBe('-1');
    screen.getByRole('textbox', { name: 'outside' }).focus();
    expect(root.hasAttribute('tabindex')).toBe(false);
  });

  it('leaves focus alone when it was outside at close', () => {
    const { rerender } = render(page(true));
    const outside = screen.getByRole('textbox', { name: 'outside' });
    screen.getByRole('button', { name: 'inside' }).focus();
    outside.focus();
    rerender(page(false));
    expect(document.activeElement).toBe(outside);
    expect(screen.getByTestId('root').hasAttribute('tabindex')).toBe(false);
  });
});
