import { readState, report, send, type SessionContext } from '../context/sessionContext.ts';
import { runTransaction } from '../context/transaction.ts';
import { markUserActive } from '../idle/sessionIdle.ts';
import { settleApproval } from './trackApprovals.ts';

/**
 * `session.respondToApproval`: answer a pending remote MCP approval request.
 *
 * Only the item is sent, no `response.create`: the server runs (or skips) the MCP call by
 * itself once it has the answer, as OpenAI's own Agents SDK relies on (its `sendMcpResponse`
 * sends the item alone, while its function outputs are followed by `response.create`). A request
 * stays pending when the answer cannot be sent (not connected, a failing transport), so the
 * user can answer again.
 */
export function respondToApproval(ctx: SessionContext, id: string, approve: boolean, reason?: string): void {
  runTransaction(ctx, () => {
    // Checked here because plain JavaScript callers (and `onClick={respond}`) can pass anything.
    if (typeof approve !== 'boolean' || (reason !== undefined && typeof reason !== 'string')) {
      report(ctx, 'config', 'invalid_approval', 'approve must be a boolean, reason a string.');
      return;
    }
    if (!readState(ctx).approvals.some((request) => request.id === id)) {
      report(ctx, 'config', 'unknown_approval', `No approval request "${String(id)}" is pending.`);
      return;
    }
    const answered = send(ctx, {
      type: 'conversation.item.create',
      item: { type: 'mcp_approval_response', approval_request_id: id, approve, ...(reason !== undefined ? { reason } : {}) },
    });
    if (!answered) return;
    settleApproval(ctx, id);
    // The user just acted: as typing does, that resets the idle count.
    markUserActive(ctx);
  });
}
