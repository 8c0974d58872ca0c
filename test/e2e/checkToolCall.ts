import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import type { EmulatorConnectionInfo, EmulatorToolCall } from '../../src/emulator/index.ts';

/** The function call the emulator makes in the tool check: on the page's "weather" question only. */
export const WEATHER_TOOL_CALL = {
  name: 'get_weather',
  arguments: { city: 'Paris', unit: 'celsius' },
  whenUserWrites: 'weather',
} satisfies EmulatorToolCall;

/** A client event as the emulator received it (its `onClientEvent`), in arrival order. */
export interface ReceivedClientEvent {
  event: Record<string, unknown>;
  connection: EmulatorConnectionInfo;
}

/** What the page saw of the round trip, read once the follow-up reply is done. */
interface PageOutcome {
  runs: Array<{ args: unknown; callId: string; agentState: string; result: unknown }>;
  call: { callId: string; name: string; arguments: string } | null;
  followUp: { itemId: string; text: string } | null;
  toolRunningSeen: boolean;
  errors: unknown[];
}

/**
 * A client tool call round trip against the emulator: the page asks about the weather, the
 * emulator answers with a `get_weather` function call, the page's `defineTool` tool runs and the
 * kit sends its output and a `response.create`, and the emulator's follow-up speaks the output.
 * Checks: the tool ran once, with the arguments the emulator sent and while the agent state was
 * `tool_running`; the emulator received exactly one `function_call_output` (the tool's result
 * as JSON) and exactly one `response.create` after it; no `conversation_already_has_active_response`
 * (nor any other) error; the follow-up's transcript contains the output.
 * Waits on conditions only (generous timeouts), never on the machine's speed.
 */
export async function checkToolCallRoundTrip(page: Page, received: readonly ReceivedClientEvent[]): Promise<string> {
  const receivedFrom = received.length;
  const from = await page.evaluate(() => {
    const start = { events: window.__e2e.events.length, runs: window.__e2e.toolRuns.length, states: window.__e2e.agentStates.length };
    (document.getElementById('ask-weather') as HTMLButtonElement).click();
    return start;
  });

  // Done when the tool ran and a reply that began after the call has its final transcript.
  const outcome = await page
    .waitForFunction(
      (start) => {
        const events = window.__e2e.events.slice(start.events);
        const callAt = events.findIndex((e) => e.type === 'tool_call');
        if (callAt < 0 || window.__e2e.toolRuns.length <= start.runs) return null;
        const followUp = events.slice(callAt).find((e) => e.type === 'transcript_done' && e.role === 'assistant');
        if (!followUp) return null;
        const call = events[callAt] as unknown as { callId: string; name: string; arguments: string };
        return {
          runs: window.__e2e.toolRuns.slice(start.runs),
          call: { callId: call.callId, name: call.name, arguments: call.arguments },
          followUp: { itemId: followUp.itemId as string, text: followUp.text as string },
          toolRunningSeen: window.__e2e.agentStates.slice(start.states).some((s) => s.state === 'tool_running'),
          errors: events.filter((e) => e.type === 'error' && 'error' in e).map((e) => e.error),
        } satisfies PageOutcome;
      },
      from,
      { timeout: 45000, polling: 100 },
    )
    .then((handle) => handle.jsonValue() as Promise<PageOutcome>)
    .catch(async (error: unknown) => {
      const seen = await page.evaluate(
        (start) =>
          `events: ${window.__e2e.events
            .slice(start.events)
            .map((e) => (e.type === 'error' ? JSON.stringify(e) : e.type))
            .join(', ')}; tool runs: ${JSON.stringify(window.__e2e.toolRuns.slice(start.runs))}`,
        from,
      );
      throw new Error(`no tool round trip (${String(error).split('\n')[0]}); ${seen}`);
    });

  const expectedArguments = JSON.stringify(WEATHER_TOOL_CALL.arguments);
  if (outcome.call?.name !== WEATHER_TOOL_CALL.name || outcome.call.arguments !== expectedArguments) {
    throw new Error(`the page's tool_call was ${JSON.stringify(outcome.call)}, the emulator sent ${expectedArguments}`);
  }
  if (outcome.runs.length !== 1) throw new Error(`the tool ran ${outcome.runs.length} times: ${JSON.stringify(outcome.runs)}`);
  const [run] = outcome.runs;
  if (!run || !isDeepStrictEqual(run.args, WEATHER_TOOL_CALL.arguments) || run.callId !== outcome.call.callId) {
    throw new Error(`execute got ${JSON.stringify(run)}, expected ${expectedArguments} for ${outcome.call.callId}`);
  }
  if (run.agentState !== 'tool_running' || !outcome.toolRunningSeen) {
    throw new Error(`agent state while the tool ran: ${run.agentState}; tool_running in the store's changes: ${outcome.toolRunningSeen}`);
  }

  // What the emulator received on this page's connection (the one the call's output came on).
  const mine = received.slice(receivedFrom);
  const outputs = mine.filter((r) => isFunctionCallOutput(r.event));
  const ours = outputs.find((r) => (r.event.item as { call_id?: unknown }).call_id === run.callId);
  if (!ours) throw new Error(`the emulator received no function_call_output for ${run.callId} (${outputs.length} others)`);
  const connection = mine.filter((r) => r.connection.id === ours.connection.id);
  const connectionOutputs = connection.filter((r) => isFunctionCallOutput(r.event));
  if (connectionOutputs.length !== 1) throw new Error(`the emulator received ${connectionOutputs.length} function_call_outputs`);
  const output = (ours.event.item as { output?: unknown }).output;
  if (typeof output !== 'string' || !isDeepStrictEqual(JSON.parse(output), run.result)) {
    throw new Error(`the output ${JSON.stringify(output)} is not the tool's result ${JSON.stringify(run.result)}`);
  }
  const creates = connection.slice(connection.indexOf(ours)).filter((r) => r.event.type === 'response.create').length;
  if (creates !== 1) throw new Error(`${creates} response.create after the output (expected exactly 1)`);

  if (outcome.errors.length) throw new Error(`server errors during the round trip: ${JSON.stringify(outcome.errors)}`);
  if (!outcome.followUp?.text.includes(output)) {
    throw new Error(`the follow-up reply ${JSON.stringify(outcome.followUp)} does not contain the output ${output}`);
  }
  return `${ours.connection.transport}: get_weather${expectedArguments} ran once (agent tool_running), 1 function_call_output ${output} and 1 response.create after it reached the emulator, the follow-up says it`;
}

function isFunctionCallOutput(event: Record<string, unknown>): boolean {
  return event.type === 'conversation.item.create' && (event.item as { type?: unknown } | undefined)?.type === 'function_call_output';
}
