import { expectTypeOf, test } from 'vitest';
import * as z from 'zod';
import * as zm from 'zod/mini';
import { defineTool } from '../../../../src/core/session/tools/defineTool.ts';
import type { AnyClientTool, ClientTool, ToolCallContext } from '../../../../src/core/session/tools/toolTypes.ts';
import type { RealtimeSession } from '../../../../src/core/session/index.ts';

test('execute gets arguments typed from a classic zod schema (the parsed output)', () => {
  const tool = defineTool({
    name: 'get_weather',
    description: 'Weather',
    parameters: z.object({ city: z.string(), days: z.number().default(1), units: z.enum(['c', 'f']).optional() }),
    execute: (args, context) => {
      expectTypeOf(args).toEqualTypeOf<{ city: string; days: number; units?: 'c' | 'f' | undefined }>();
      expectTypeOf(context).toEqualTypeOf<ToolCallContext>();
      expectTypeOf(context.signal).toEqualTypeOf<AbortSignal>();
      expectTypeOf(context.session).toEqualTypeOf<RealtimeSession>();
      return { tempC: 21 };
    },
  });
  expectTypeOf(tool.execute).returns.toEqualTypeOf<{ tempC: number } | PromiseLike<{ tempC: number }>>();
  expectTypeOf(tool).toExtend<ClientTool>();
});

test('execute gets arguments typed from a zod/mini schema; an async result is unwrapped', () => {
  const tool = defineTool({
    name: 'search',
    description: 'Search',
    parameters: zm.object({ query: zm.string(), limit: zm.optional(zm.number()) }),
    execute: async ({ query, limit }) => {
      expectTypeOf(query).toEqualTypeOf<string>();
      expectTypeOf(limit).toEqualTypeOf<number | undefined>();
      return [query];
    },
  });
  expectTypeOf(tool).toEqualTypeOf<ClientTool<typeof tool.parameters, string[]>>();
});

test('the arguments are checked against the schema', () => {
  defineTool({
    name: 'typed',
    description: 'd',
    parameters: zm.object({ n: zm.number() }),
    // @ts-expect-error `n` is a number, not a string
    execute: ({ n }: { n: string }) => n,
  });
  defineTool({
    name: 'typed',
    description: 'd',
    parameters: z.object({ n: z.number() }),
    execute: (args) => {
      // @ts-expect-error no such argument
      return args.missing;
    },
  });
});

test('tools of different schemas and results go in one list', () => {
  const a = defineTool({ name: 'a', description: 'a', parameters: z.object({ x: z.string() }), execute: ({ x }) => x });
  const b = defineTool({ name: 'b', description: 'b', parameters: zm.object({ y: zm.number() }), execute: async ({ y }) => ({ y }) });
  const tools: readonly AnyClientTool[] = [a, b];
  expectTypeOf(tools[0]!.declaration.type).toEqualTypeOf<'function'>();
  expectTypeOf(a.timeoutMs).toEqualTypeOf<number | null>();
  // @ts-expect-error the tool is frozen
  a.execute = () => 'x';
});
