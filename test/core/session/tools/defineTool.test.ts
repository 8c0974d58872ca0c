import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import * as zm from 'zod/mini';
import { defineTool } from '../../../../src/core/session/tools/defineTool.ts';
import { createToolRuntime } from '../../../../src/core/session/tools/createToolRuntime.ts';
import { RealtimeConfigError } from '../../../../src/core/protocol/errors.ts';

const execute = () => 'ok';

describe('defineTool', () => {
  test('declares a classic zod schema as JSON Schema (input side, no $schema)', () => {
    const tool = defineTool({
      name: 'get_weather',
      description: 'Weather for a city',
      parameters: z.object({ city: z.string().describe('City name'), units: z.enum(['c', 'f']).default('c') }),
      execute,
    });
    expect(tool.declaration).toEqual({
      type: 'function',
      name: 'get_weather',
      description: 'Weather for a city',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string', description: 'City name' }, units: { type: 'string', enum: ['c', 'f'], default: 'c' } },
        required: ['city'],
      },
    });
    expect(tool.timeoutMs).toBe(30_000);
    expect(tool['~runtime']).toBe(createToolRuntime);
    expect(Object.isFrozen(tool)).toBe(true);
    expect(Object.isFrozen(tool.declaration)).toBe(true);
  });

  test('converts a schema once, however many tools are defined with it (an inline tool in a component)', () => {
    const schema = zm.object({ dark: zm.boolean() });
    const first = defineTool({ name: 'set_dark', description: 'Dark mode', parameters: schema, execute });
    const again = defineTool({ name: 'set_dark', description: 'Dark mode', parameters: schema, execute: () => 'again' });
    expect(again.declaration.parameters).toBe(first.declaration.parameters);
    expect(Object.isFrozen(first.declaration.parameters)).toBe(true);
    const other = defineTool({ name: 'set_dark', description: 'Dark mode', parameters: zm.object({ dark: zm.boolean() }), execute });
    expect(other.declaration.parameters).not.toBe(first.declaration.parameters);
    expect(other.declaration.parameters).toEqual(first.declaration.parameters);
  });

  test('declares a zod/mini schema the same way', () => {
    const tool = defineTool({
      name: 'search',
      description: 'Search',
      parameters: zm.object({ query: zm.string(), limit: zm.optional(zm.number()) }),
      execute,
      timeoutMs: null,
    });
    expect(tool.declaration.parameters).toEqual({
      type: 'object',
      properties: { query: { type: 'string' }, limit: { type: 'number' } },
      required: ['query'],
    });
    expect(tool.timeoutMs).toBeNull();
  });

  test.each([
    ['a name with a space', { name: 'get weather' }, /"get weather"/],
    ['an empty name', { name: '' }, /name/],
    ['a name over 64 characters', { name: 'x'.repeat(65) }, /64/],
    ['parameters that are not a zod schema', { parameters: { type: 'object' } }, /tool "t".*zod 4 schema/],
    ['a schema JSON Schema cannot express', { parameters: z.object({ when: z.date() }) }, /tool "t".*cannot be expressed as JSON Schema.*Date/],
    ['a schema that is not an object', { parameters: z.string() }, /tool "t".*object schema/],
    ['a zero timeout', { timeoutMs: 0 }, /timeoutMs/],
    ['an execute that is not a function', { execute: 'no' }, /execute must be a function/],
  ])('throws RealtimeConfigError naming the tool for %s', (_label, override, message) => {
    const options = { name: 't', description: 'd', parameters: z.object({}), execute, ...override };
    expect(() => defineTool(options as never)).toThrow(RealtimeConfigError);
    expect(() => defineTool(options as never)).toThrow(message);
  });
});
