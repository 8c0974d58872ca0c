import { describe, expect, it } from 'vitest';

// zod decides, when a z.object is constructed, whether to compile a parser with `new Function`,
// after probing once whether eval is allowed (zod 4.0 for every object, zod/mini's included;
// later releases for classic objects only). On a page whose Content-Security-Policy has no
// 'unsafe-eval', that probe raises a securitypolicyviolation even though zod catches the error.
// Every `new Function` is counted from before the kit's first module is evaluated.
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

describe('suspendZodJit', () => {
  it.each([
    ['absent', undefined],
    ['false', false],
    ['true', true],
  ] as const)("puts the app's jitless setting back when it was %s", async (_label, appSetting) => {
    const z = await import('zod/mini');
    const { suspendZodJit } = await import('../../../src/core/protocol/suspendZodJit.ts');
    const config = z.config();
    if (appSetting === undefined) delete config.jitless;
    else config.jitless = appSetting;
    const resume = suspendZodJit();
    expect(config.jitless).toBe(true);
    resume();
    expect(Object.hasOwn(config, 'jitless')).toBe(appSetting !== undefined);
    expect(config.jitless).toBe(appSetting);
    delete config.jitless;
  });
});
