import { errorMessage, readState, report, writeState, type SessionContext } from './sessionContext.ts';
import { syncIdle } from '../idle/sessionIdle.ts';
import { deriveAgentState } from '../agentState/deriveAgentState.ts';

/**
 * Run a change to the session: changes go to a draft, and when the outermost transaction
 * ends the state is committed once, then the queued events flow. The wire path spells this
 * out instead (`receiveMessage`) so it allocates no closure per message.
 */
export function runTransaction(ctx: SessionContext, fn: () => void): void {
  ctx.depth++;
  try {
    fn();
  } catch (cause) {
    reportInternalError(ctx, cause);
  } finally {
    if (--ctx.depth === 0) commitTransaction(ctx);
  }
}

/** A bug of ours must not escape into a transport's or caller's stack either. */
export function reportInternalError(ctx: SessionContext, cause: unknown): void {
  report(ctx, 'protocol', 'internal_error', `Session failed to handle an event: ${errorMessage(cause)}`, cause);
}

export function commitTransaction(ctx: SessionContext): void {
  syncIdle(ctx);
  // Written only when its value changed: most messages (deltas) leave it alone, and one that
  // changes nothing else must not make a new state just for it.
  const s = readState(ctx);
  const agentState = deriveAgentState(s, ctx.pendingTools.size > 0, ctx.responseDue);
  if (agentState !== s.agentState) writeState(ctx).agentState = agentState;
  const next = ctx.draft;
  if (next) {
    ctx.draft = null;
    ctx.store.setState(next);
  }
  ctx.emitter.flush();
}
