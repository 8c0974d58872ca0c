// @vitest-environment node
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';

// Browser globals the kit must not touch at import or during a server render. Each is replaced
// by a getter that records reads by the kit's own code (and still answers `undefined`, as on a
// server). Dependencies may probe (zod reads `navigator` to detect Cloudflare Workers).
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'requestAnimationFrame', 'localStorage', 'AudioContext'];
const touched: string[] = [];
const originals = new Map<string, PropertyDescriptor | undefined>();

function trapBrowserGlobals() {
  for (const name of BROWSER_GLOBALS) {
    originals.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        const caller = new Error().stack?.split('\n')[2] ?? '';
        if (!caller.includes('node_modules')) touched.push(`${name} from ${caller.trim()}`);
        return undefined;
      },
    });
  }
}

afterEach(() => {
  for (const [name, descriptor] of originals) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
  originals.clear();
  touched.length = 0;
});

describe('server rendering', () => {
  it('imports and renders the provider with every hook in Node, touching no browser global', async () => {
    trapBrowserGlobals();
    const kit = await import('../../src/react/index.ts');
    const {
      RealtimeProvider,
      useConnectionState,
      useIdleCountdown,
      useIdleTimeout,
      useMaybeRealtimeSession,
      useRealtimeEvents,
      useRealtimeSession,
      useRealtimeState,
      useTranscript,
    } = kit;

    function EveryHook() {
      const { status } = useRealtimeSession();
      const connection = useConnectionState();
      useRealtimeEvents('*', () => {});
      const idle = useIdleTimeout({ countdown: true, timeoutMs: 8000 });
      const remaining = useIdleCountdown();
      const { items } = useTranscript({ roles: ['user', 'assistant'] });
      const muted = useRealtimeState((s) => s.muted);
      const maybe = useMaybeRealtimeSession();
      return createElement(
        'p',
        null,
        [status, connection.status, idle.phase, String(remaining), items.length, String(muted), String(Boolean(maybe))].join(' '),
      );
    }

    const html = renderToString(
      createElement(RealtimeProvider, { transport: createMockTransport(), autoConnect: true }, createElement(EveryHook)),
    );
    expect(html).toBe('<p>idle idle off null 0 false true</p>');
    expect(touched).toEqual([]);
  });

  it('renders the hooks with an explicit session and no provider', async () => {
    const { createRealtimeSession } = await import('../../src/core/session/index.ts');
    const { useConnectionState, useTranscript } = await import('../../src/react/index.ts');
    const session = createRealtimeSession({ transport: createMockTransport() });
    function Hooks() {
      return createElement('p', null, `${useConnectionState({ session }).status} ${useTranscript({ session }).items.length}`);
    }
    expect(renderToString(createElement(Hooks))).toBe('<p>idle 0</p>');
  });
});
