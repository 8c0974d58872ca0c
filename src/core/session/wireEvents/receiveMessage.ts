import { parseServerEvent } from '../../protocol/index.ts';
import { report, type SessionContext } from '../context/sessionContext.ts';
import { commitTransaction, reportInternalError } from '../context/transaction.ts';
import type { UnknownServerEvent } from '../events/sessionEventTypes.ts';
import { handleServerEvent } from './handleServerEvent.ts';
import { salvageLifecycle } from './salvageLifecycle.ts';

// One wire message, from the transport to the state: decoded and validated once
// (parseServerEvent), then applied in one transaction. A message that is not a valid known
// event is passed on raw and reported, and the lifecycle facts it carries are salvaged.

/** The transport's `'message'` listener (hot: every message), as one transaction. */
export function receiveMessage(ctx: SessionContext, data: string | object): void {
  // runTransaction() spelled out: no closure allocated per message on the hot path.
  ctx.depth++;
  try {
    handleMessage(ctx, data);
  } catch (cause) {
    reportInternalError(ctx, cause);
  } finally {
    if (--ctx.depth === 0) commitTransaction(ctx);
  }
}

function handleMessage(ctx: SessionContext, data: string | object): void {
  const result = parseServerEvent(data);
  if (!result.ok) {
    const raw = result.raw as { type?: unknown } | null;
    if (result.reason !== 'malformed_json' && typeof raw === 'object' && raw !== null && typeof raw.type === 'string') {
      if (ctx.wantsServerEvents) ctx.emitter.enqueue({ type: 'server_event', event: raw as UnknownServerEvent, known: false });
      // A type the app registered (defineServerEvents): its typed event, or an `error` when
      // invalid. Only messages the kit does not know get here, so known events pay nothing.
      ctx.serverEvents?.['~receive'](raw as UnknownServerEvent, ctx.emitter);
    }
    // Unknown types are not errors: servers add events over time.
    if (result.reason !== 'unknown_type') report(ctx, 'protocol', result.reason, result.message, result.raw);
    if (result.reason !== 'malformed_json') salvageLifecycle(ctx, result.raw);
    return;
  }
  const event = result.event;
  if (ctx.wantsServerEvents) ctx.emitter.enqueue({ type: 'server_event', event, known: true });
  handleServerEvent(ctx, event);
}
