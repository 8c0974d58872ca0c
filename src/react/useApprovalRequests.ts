import { useMemo } from 'react';
import type { McpApprovalRequest, RealtimeSession, SessionState } from '../core/session/types.ts';
import { useRequiredSession } from './useRequiredSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';

/** Options of {@link useApprovalRequests}. */
export interface UseApprovalRequestsOptions {
  /** Use this session instead of the provider's. */
  session?: RealtimeSession;
}

/** What {@link useApprovalRequests} returns: the pending requests and the ways to answer them. */
export interface ApprovalRequestsHandle {
  /** Remote MCP tool calls waiting for the user, oldest first (`state.approvals`). */
  approvals: readonly McpApprovalRequest[];
  /** Answer one: `session.respondToApproval(id, approve, reason)`. */
  respond: (id: string, approve: boolean, reason?: string) => void;
  /** Let the tool run. */
  approve: (id: string) => void;
  /** Refuse it, optionally saying why (the model reads the reason). */
  deny: (id: string, reason?: string) => void;
}

const selectApprovals = (state: SessionState): readonly McpApprovalRequest[] => state.approvals;

/**
 * The remote MCP tool calls waiting for the user's approval, and the actions that answer them.
 * A request leaves the list once answered (here, or by another client of the conversation),
 * when its item is deleted, and when the connection ends. Re-renders only when the list
 * changes; the three actions keep their identity for as long as the session is the same.
 *
 * @example
 * ```tsx
 * function Approvals() {
 *   const { approvals, approve, deny } = useApprovalRequests();
 *   return (
 *     <ul>
 *       {approvals.map((request) => (
 *         <li key={request.id}>
 *           {request.serverLabel} wants to run {request.name} with <code>{request.arguments}</code>
 *           <button onClick={() => approve(request.id)}>Approve</button>
 *           <button onClick={() => deny(request.id, 'Not now')}>Deny</button>
 *         </li>
 *       ))}
 *     </ul>
 *   );
 * }
 * ```
 */
export function useApprovalRequests(options?: UseApprovalRequestsOptions): ApprovalRequestsHandle {
  const session = useRequiredSession(options?.session, 'useApprovalRequests');
  const approvals = useSessionSelector(session, selectApprovals);
  const actions = useMemo(
    () => ({
      respond: (id: string, approve: boolean, reason?: string) => session.respondToApproval(id, approve, reason),
      approve: (id: string) => session.respondToApproval(id, true),
      deny: (id: string, reason?: string) => session.respondToApproval(id, false, reason),
    }),
    [session],
  );
  return useMemo(() => ({ approvals, ...actions }), [approvals, actions]);
}
