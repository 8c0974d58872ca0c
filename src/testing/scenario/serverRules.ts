import type { ClientEvent } from '../../core/protocol/index.ts';
import type { Clock, TimerHandle } from '../../core/session/clock.ts';
import { createUniqueIdFactory } from './createIdFactory.ts';
import type { ScenarioAnswers, ScenarioWait, Timeline, WaitStep } from './types.ts';

/** What `play()` needs from the rules: how to speak, and how to go on once a wait is answered. */
export interface ServerRulesHost {
  clock: Clock;
  /** Deliver a server event the rules made up (an `error`). */
  send: (event: object) => void;
  /** The wait was answered: play on, and say which steps come next. */
  resume: (answers: ScenarioAnswers) => Timeline | undefined;
}

/**
 * The part of a real server's behaviour a playback must imitate because it depends on the
 * client: waiting for tool outputs and approvals, and refusing a second active response.
 * Internal to `play()`.
 */
export interface ServerRules {
  /** The client sent this. */
  heard(event: ClientEvent): void;
  /** The playback is about to deliver this server event; returns how to undo it if it was not delivered. */
  sending(event: { type: string; response?: unknown }): () => void;
  /** The playback reached a wait step: resume at once if already answered, else when answered. */
  waitFor(step: WaitStep): void;
  /** The connection closed: a new one is a new conversation, with no response active. */
  closed(): void;
  /** What the playback waits for now, if it does. */
  readonly waiting: ScenarioWait | undefined;
  dispose(): void;
}

interface Heard<T> {
  value: T;
  /** Order in which the client sent it. */
  seq: number;
}

/** @internal See {@link ServerRules}. */
export function createServerRules(host: ServerRulesHost): ServerRules {
  const outputs = new Map<string, Heard<string>>();
  const approvals = new Map<string, Heard<{ approve: boolean; reason?: string | undefined }>>();
  /** `response.create`s the server accepted (none active then), in order. */
  const accepted: number[] = [];
  let seq = 0;
  /** A `response.create` answers one wait only. */
  let consumedUpTo = -1;
  let activeResponseId: string | null = null;
  let waiting: WaitStep | undefined;
  const timers = new Set<TimerHandle>();
  const ids = createUniqueIdFactory();

  const refuse = (event: ClientEvent, responseId: string) => {
    const error = {
      type: 'error',
      event_id: ids.next('event'),
      error: {
        type: 'invalid_request_error',
        code: 'conversation_already_has_active_response',
        message: `Conversation already has an active response in progress: ${responseId}. Wait until the response is finished before creating a new one.`,
        param: null,
        event_id: event.event_id ?? null,
      },
    };
    // Never from inside the client's send(): a server answers later.
    const handle = host.clock.setTimeout(() => {
      timers.delete(handle);
      host.send(error);
    }, 0);
    timers.add(handle);
  };

  // A `response.create` the script has no answer for, sent while the playback waits (text the
  // user typed while a tool ran, say): a real server answers it, and a client that waits for that
  // response to end before asking for the tool's follow-up would otherwise wait for ever. The
  // answer is the smallest valid response: created, then done with no output.
  const answerUnscripted = () => {
    const id = ids.next('resp');
    activeResponseId = id;
    const later = (event: object, then?: () => void) => {
      const handle = host.clock.setTimeout(() => {
        timers.delete(handle);
        then?.();
        host.send(event);
      }, 0);
      timers.add(handle);
    };
    later({ type: 'response.created', event_id: ids.next('event'), response: { id, object: 'realtime.response', status: 'in_progress', output: [] } }, () =>
      later({ type: 'response.done', event_id: ids.next('event'), response: { id, object: 'realtime.response', status: 'completed', output: [] } }, () => {
        if (activeResponseId === id) activeResponseId = null;
      }),
    );
  };

  const answered = (wait: ScenarioWait): ScenarioAnswers | undefined => {
    if (wait.kind === 'approval') {
      const decision = approvals.get(wait.approvalRequestId);
      if (!decision) return undefined;
      return { outputs: new Map(), approvals: new Map([[wait.approvalRequestId, decision.value]]) };
    }
    let last = consumedUpTo;
    const answers = new Map<string, string>();
    for (const { callId } of wait.calls) {
      const output = outputs.get(callId);
      if (!output) return undefined;
      answers.set(callId, output.value);
      last = Math.max(last, output.seq);
    }
    // The server answers tool outputs only when asked to, after they are all in.
    const create = accepted.find((at) => at > last);
    if (create === undefined) return undefined;
    consumedUpTo = create;
    return { outputs: answers, approvals: new Map() };
  };

  const check = () => {
    if (!waiting) return;
    const answers = answered(waiting.wait);
    if (!answers) return;
    waiting = undefined;
    const next = host.resume(answers);
    // The server has started the response it will stream: a second one is refused from now.
    const created = next?.find((step) => 'event' in step && step.event.type === 'response.created');
    if (created && 'event' in created) activeResponseId = responseIdOf(created.event as { response?: unknown }) ?? activeResponseId;
  };

  return {
    heard(event) {
      const order = seq++;
      if (event.type === 'conversation.item.create') {
        const item = event.item as { type?: string; call_id?: unknown; output?: unknown; approval_request_id?: unknown; approve?: unknown; reason?: unknown };
        if (item.type === 'function_call_output' && typeof item.call_id === 'string') {
          outputs.set(item.call_id, { value: typeof item.output === 'string' ? item.output : '', seq: order });
        } else if (item.type === 'mcp_approval_response' && typeof item.approval_request_id === 'string') {
          const reason = typeof item.reason === 'string' ? item.reason : undefined;
          approvals.set(item.approval_request_id, { value: { approve: item.approve === true, reason }, seq: order });
        }
      } else if (event.type === 'response.create') {
        // Out-of-band responses stay outside the conversation: not this rule's business.
        const response = event.response as { conversation?: unknown } | undefined;
        if (response?.conversation === 'none') return;
        if (activeResponseId !== null) {
          refuse(event, activeResponseId);
        } else {
          accepted.push(order);
          check();
          // Still waiting, so this create answered nothing the script knows of.
          if (waiting && consumedUpTo < order) answerUnscripted();
          return;
        }
      }
      check();
    },
    sending(event) {
      const before = activeResponseId;
      if (event.type === 'response.created') activeResponseId = responseIdOf(event) ?? 'resp_unknown';
      else if (event.type === 'response.done') activeResponseId = null;
      return () => {
        activeResponseId = before;
      };
    },
    closed() {
      activeResponseId = null;
      outputs.clear();
      approvals.clear();
      accepted.length = 0;
    },
    waitFor(step) {
      waiting = step;
      check();
    },
    get waiting() {
      return waiting?.wait;
    },
    dispose() {
      for (const handle of timers) host.clock.clearTimeout(handle);
      timers.clear();
      waiting = undefined;
    },
  };
}

function responseIdOf(event: { response?: unknown }): string | undefined {
  const response = event.response as { id?: unknown } | undefined;
  return typeof response?.id === 'string' ? response.id : undefined;
}
