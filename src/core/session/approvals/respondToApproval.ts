import { readState, report, send, writeState, type SessionContext } from '../context/sessionContext.ts';
import { runTransaction } from '../context/transaction.ts';

/** `session.respondToApproval`: answer a pending remote MCP approval request. */
export function respondToApproval(ctx: SessionContext, id: string, approve: boolean, reason?: string): void {
  runTransaction(ctx, () => {
    const { approvals } = readState(ctx);
    if (!approvals.some((request) => request.id === id)) {
      report(ctx, 'config', 'unknown_approval', `No approval request "${String(id)}" is pending.`);
      return;
    }
    const answered = send(ctx, {
      type: 'conversation.item.create',
      item: { type: 'mcp_approval_response', approval_request_id: id, approve, ...(reason !== undefined ? { reason } : {}) },
    });
    if (answered) writeState(ctx).approvals = approvals.filter((request) => request.id !== id);
  });
}
