import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Presence } from '../../../src/components/internal/Presence.tsx';

afterEach(cleanup);

/** A child with state of its own, to see whether it survived a close. */
function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((c) => c + 1)}>
      clicked {count}
    </button>
  );
}

function renderPresence(present: boolean, forceMount: boolean) {
  return render(
    <div data-testid="host">
      <Presence present={present} forceMount={forceMount} wrapperClassName="content">
        <Counter />
      </Presence>
    </div>,
  );
}

describe('Presence', () => {
  it('mounts the content while present, unwrapped, and unmounts it when not', () => {
    const { rerender } = renderPresence(true, false);
    expect(screen.getByTestId('host').innerHTML).toBe('<button type="button">clicked 0</button>');
    rerender(
      <div data-testid="host">
        <Presence present={false} forceMount={false} wrapperClassName="content">
          <Counter />
        </Presence>
      </div>,
    );
    expect(screen.getByTestId('host').innerHTML).toBe('');
  });

  it('with forceMount keeps the content and its state in a hidden, inert wrapper while not present', () => {
    const ui = (present: boolean) => (
      <div data-testid="host">
        <Presence present={present} forceMount wrapperClassName="content">
          <Counter />
        </Presence>
      </div>
    );
    const { rerender } = render(ui(true));
    const wrapper = screen.getByTestId('host').firstElementChild as HTMLElement;
    expect(wrapper.className).toBe('content');
    expect(wrapper.hidden).toBe(false);
    expect(wrapper.style.display).toBe('contents');
    expect(wrapper.hasAttribute('inert')).toBe(false);
    fireEvent.click(screen.getByRole('button'));

    rerender(ui(false));
    expect(wrapper.hidden).toBe(true);
    expect(wrapper.hasAttribute('inert')).toBe(true);
    expect(wrapper.style.display).toBe('');
    expect(wrapper.textContent).toBe('clicked 1');

    rerender(ui(true));
    expect(wrapper.hidden).toBe(false);
    expect(wrapper.hasAttribute('inert')).toBe(false);
    expect(screen.getByRole('button').textContent).toBe('clicked 1');
  });
});
