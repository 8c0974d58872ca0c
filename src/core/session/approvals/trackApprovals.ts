import type { ConversationItem } from '../../protocol/index.ts';
import { readState, writeState, type SessionContext } from '../context/sessionContext.ts';

// Always loaded (every conversation item passes here), so kept to the few lines it needs.

/**
 * A wire item that asks for an approval or answers one. An `mcp_approval_request` becomes a
 * pending request once, whichever of its events come (`item.added`, `item.done`, a beta
 * server's `output_item.done`, a later `item.retrieved`); an `mcp_approval_response` from the
 * server (ours echoed, or another client's) settles its request for good.
 */
export function trackApprovalItem(ctx: SessionContext, item: ConversationItem): void {
  const answer = item.type === 'mcp_approval_response';
  const id = answer ? item.approval_request_id : item.type === 'mcp_approval_request' ? item.id : null;
  if (typeof id !== 'string') return;
  const seen = ctx.approvalIds.has(id);
  // An answer is remembered too, so that its request's late events cannot reopen it.
  ctx.approvalIds.add(id);
  if (answer) settleApproval(ctx, id);
  else if (!seen && item.type === 'mcp_approval_request') {
    const request = { id, serverLabel: item.server_label ?? '', name: item.name ?? '', arguments: item.arguments ?? '' };
    writeState(ctx).approvals = [...readState(ctx).approvals, request];
    ctx.emitter.enqueue({ type: 'approval_requested', request });
  }
}

/** The request is answered or gone: drop it from `state.approvals` (if it is there). */
export function settleApproval(ctx: SessionContext, id: string): void {
  const { approvals } = readState(ctx);
  const rest = approvals.filter((request) => request.id !== id);
  if (rest.length !== approvals.length) writeState(ctx).approvals = rest;
}
