import { describe, expect, it } from 'vitest';

// Classic zod decides, when a z.object is constructed, whether to compile a parser with
// `new Function`, after probing once whether eval is allowed. On a page whose
// Content-Security-Policy has no 'unsafe-eval', that probe raises a securitypolicyviolation even
// though zod catches the error. The kit's schemas are zod/mini's, whose objects never compile
// (zod/v4/core: only `$ZodObjectJIT`, classic's object, reads `allowsEval`), so they neither probe
// nor need the app's `jitless` setting. Every `new Function` is counted from before the kit's
// first module is evaluated.
describe("the kit's schemas and zod's eval probe", () => {
  it('load and parse without new Function, and leave the global zod config as it was', async () => {
    const NativeFunction = globalThis.Function;
    const compiled: string[] = [];
    globalThis.Function = new Proxy(NativeFunction, {
      construct(target, args: string[]) {
        compiled.push(String(args.at(-1)).slice(0, 80));
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      const z = await import('zod');
      const jitlessBefore = Object.getOwnPropertyDescriptor(z.config(), 'jitless');
      const kit = await import('../../../src/index.ts');
      await import('../../../src/testing/index.ts');
      const parsed = [
        { type: 'session.created', event_id: 'e1', session: { type: 'realtime', id: 's', audio: { input: { turn_detection: null } } } },
        { type: 'conversation.item.added', event_id: 'e2', item: { id: 'i', type: 'message', role: 'user', content: [] } },
        { type: 'response.done', event_id: 'e3', response: { id: 'r', status: 'completed', output: [] } },
        { type: 'error', event_id: 'e4', error: { type: 'invalid_request_error', message: 'no' } },
      ].map((event) => kit.parseServerEvent(JSON.stringify(event)).ok);
      expect(parsed).toEqual([true, true, true, true]);
      expect(kit.validateSessionConfig({ audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 } } } })).toBeTruthy();

      expect(compiled).toEqual([]);
      expect(Object.getOwnPropertyDescriptor(z.config(), 'jitless')).toEqual(jitlessBefore);
      // Proof that the probe had not run yet and would have been seen: an object the app builds
      // with zod's defaults still probes (and then compiles its fast parser).
      z.object({ a: z.string() }).parse({ a: 'x' });
      expect(compiled.length).toBeGreaterThan(0);
    } finally {
      globalThis.Function = NativeFunction;
    }
  });
});
