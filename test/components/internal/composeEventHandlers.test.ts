import { describe, expect, it } from 'vitest';
import { composeEventHandlers } from '../../../src/components/internal/composeEventHandlers.ts';

/** A stand-in for a React synthetic event: only what composing reads and writes. */
function fakeEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}
type FakeEvent = ReturnType<typeof fakeEvent>;

describe('composeEventHandlers', () => {
  it("runs the user's handler first, then the component's, with the same event", () => {
    const calls: string[] = [];
    const event = fakeEvent();
    const seen: FakeEvent[] = [];
    const handler = composeEventHandlers<FakeEvent>(
      (e) => {
        calls.push('user');
        seen.push(e);
      },
      (e) => {
        calls.push('kit');
        seen.push(e);
      },
    );
    handler(event);
    expect(calls).toEqual(['user', 'kit']);
    expect(seen).toEqual([event, event]);
  });

  it("skips the component's handler when the user's prevented the default", () => {
    const calls: string[] = [];
    const handler = composeEventHandlers<FakeEvent>(
      (e) => e.preventDefault(),
      () => calls.push('kit'),
    );
    handler(fakeEvent());
    expect(calls).toEqual([]);
  });

  it("runs the component's handler anyway with checkForDefaultPrevented: false", () => {
    const calls: string[] = [];
    const handler = composeEventHandlers<FakeEvent>(
      (e) => e.preventDefault(),
      () => calls.push('kit'),
      { checkForDefaultPrevented: false },
    );
    handler(fakeEvent());
    expect(calls).toEqual(['kit']);
  });

  it("with checkForDefaultPrevented: false, runs the component's handler when the user's throws, and rethrows", () => {
    const calls: string[] = [];
    const handler = composeEventHandlers<FakeEvent>(
      () => {
        throw new Error('user handler failed');
      },
      () => calls.push('kit'),
      { checkForDefaultPrevented: false },
    );
    expect(() => handler(fakeEvent())).toThrow('user handler failed');
    expect(calls).toEqual(['kit']);
  });

  it("skips the component's behaviour when the user's handler throws (it may have meant to prevent it)", () => {
    const calls: string[] = [];
    const handler = composeEventHandlers<FakeEvent>(
      () => {
        throw new Error('user handler failed');
      },
      () => calls.push('kit'),
    );
    expect(() => handler(fakeEvent())).toThrow('user handler failed');
    expect(calls).toEqual([]);
  });

  it('works with either handler missing', () => {
    const calls: string[] = [];
    composeEventHandlers<FakeEvent>(undefined, () => calls.push('kit'))(fakeEvent());
    composeEventHandlers<FakeEvent>(() => calls.push('user'), undefined)(fakeEvent());
    expect(calls).toEqual(['kit', 'user']);
  });
});
