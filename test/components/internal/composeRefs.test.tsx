import { act, cleanup, render, screen } from '@testing-library/react';
import { version } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleBanner } from '../../../src/components/index.ts';
import { composeRefs } from '../../../src/components/internal/composeRefs.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

afterEach(cleanup);

// React 19 lets a callback ref return a cleanup, which React then calls instead of the ref with null.
const refCleanups = !version.startsWith('18.');

describe('composeRefs', () => {
  it('sets object refs and calls callback refs with the node, then with null', () => {
    const objectRef = { current: null as string | null };
    const seen: (string | null)[] = [];
    const composed = composeRefs<string>(objectRef, (node) => void seen.push(node));
    const cleanupOrNothing = composed('node');
    expect(objectRef.current).toBe('node');
    expect(cleanupOrNothing).toBeUndefined();
    composed(null);
    expect(objectRef.current).toBeNull();
    expect(seen).toEqual(['node', null]);
  });

  it("returns a cleanup when one ref does: it runs that ref's cleanup and clears the others", () => {
    const objectRef = { current: null as string | null };
    const calls: string[] = [];
    const composed = composeRefs<string>(objectRef, (node) => {
      calls.push(`set ${node}`);
      return () => void calls.push(`cleanup ${node}`);
    });
    const cleanupRef = composed('node');
    expect(typeof cleanupRef).toBe('function');
    (cleanupRef as () => void)();
    expect(calls).toEqual(['set node', 'cleanup node']);
    expect(objectRef.current).toBeNull();
  });

  it.runIf(refCleanups)("keeps a part's callback ref with a cleanup (React 19): never called with null", () => {
    const session = createFakeSession();
    act(() => session.setIdle({ phase: 'listening', timeoutMs: 6000 }));
    const calls: string[] = [];
    const titleRef = (node: HTMLParagraphElement | null) => {
      // Written for React 19: it never expects null.
      calls.push(`attach ${node!.tagName}`);
      return () => void calls.push('detach');
    };
    render(
      <RealtimeProvider session={session}>
        <IdleBanner.Root>
          <IdleBanner.Title ref={titleRef} />
        </IdleBanner.Root>
      </RealtimeProvider>,
    );
    act(() =>
      session.setIdle({
        phase: 'timed_out',
        timeouts: 1,
        timeoutMs: 6000,
        last: { type: 'input_audio_timeout_triggered', itemId: 'item_1', audioStartMs: 0, audioEndMs: 6000, idleMs: 6000, source: 'server', count: 1 },
      }),
    );
    expect(screen.getByText('Are you still there?')).toBeTruthy();
    act(() => session.setIdle({ phase: 'listening', timeouts: 0 }));
    expect(calls).toEqual(['attach P', 'detach']);
  });
});
