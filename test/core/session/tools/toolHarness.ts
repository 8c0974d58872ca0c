import * as z from 'zod/mini';
import { defineTool } from '../../../../src/core/session/tools/defineTool.ts';
import type { AnyClientTool, ToolCallContext } from '../../../../src/core/session/tools/toolTypes.ts';
import type { ClientEvent } from '../../../../src/core/protocol/index.ts';
import { response, setup, wire, type Harness } from '../helpers.ts';

/** A tool whose calls the test settles by hand: `calls` holds each call's args, context and settle functions. */
export function controlledTool(name = 'get_weather', options: { timeoutMs?: number | null } = {}) {
  const calls: { args: { city: string }; context: ToolCallContext; resolve(value: unknown): void; reject(cause: unknown): void }[] = [];
  const tool = defineTool({
    name,
    description: `${name} for a city`,
    parameters: z.object({ city: z.string() }),
    execute: (args, context) =>
      new Promise<unknown>((resolve, reject) => {
        calls.push({ args, context, resolve, reject });
      }),
    ...options,
  });
  return { tool, calls };
}

/** The wire events of a function call the model makes in `responseId`. */
export function functionCall(responseId: string, callId: string, name: string, args: string, itemId = `fc_${callId}`) {
  const item = (status: string) => ({ id: itemId, object: 'realtime.item', type: 'function_call', status, name, call_id: callId, arguments: status === 'completed' ? args : '' });
  return [
    wire('response.output_item.added', { response_id: responseId, output_index: 0, item: item('in_progress') }),
    wire('conversation.item.added', { item: item('in_progress') }),
    wire('response.function_call_arguments.done', { response_id: responseId, item_id: itemId, output_index: 0, call_id: callId, name, arguments: args }),
    wire('conversation.item.done', { item: item('completed') }),
  ];
}

export const responseCreated = (responseId: string) => wire('response.created', { response: response(responseId) });

export const responseDoneWire = (responseId: string, status = 'completed', calls: { callId: string; name: string; args?: string }[] = []) =>
  wire('response.done', {
    response: response(responseId, status, {
      output: calls.map(({ callId, name, args = '{}' }) => ({ id: `fc_${callId}`, object: 'realtime.item', type: 'function_call', status: 'completed', name, call_id: callId, arguments: args })),
    }),
  });

/** A connected session with these tools (and options), its sent events cleared. */
export async function connectedWithTools(tools: readonly AnyClientTool[], options: Parameters<typeof setup>[0] = {}): Promise<Harness> {
  const harness = setup({ ...options, tools });
  await harness.session.connect();
  harness.transport.clearRecords();
  harness.take();
  return harness;
}

/** The sent events as short names: `output:<call_id>:<output>`, `response.create`, `session.update`... */
export function sentNames(sent: readonly ClientEvent[]): string[] {
  return sent.map((event) => {
    if (event.type === 'conversation.item.create' && event.item.type === 'function_call_output') {
      return `output:${event.item.call_id}:${event.item.output}`;
    }
    return event.type;
  });
}

/** Let promise callbacks (execute's settle) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
