// Remote MCP approvals: a remote MCP tool asks the user before it runs.

/**
 * A remote MCP tool call waiting for the user's approval (an `mcp_approval_request` item).
 * Answer it with `session.respondToApproval(id, approve)`.
 *
 * @example
 * ```ts
 * const pending: McpApprovalRequest = { id: 'mcpr_1', serverLabel: 'github', name: 'delete_branch', arguments: '{"branch":"old"}' };
 * ```
 */
export interface McpApprovalRequest {
  /** The `mcp_approval_request` item's id: the `approval_request_id` of the answer. */
  readonly id: string;
  /** The MCP server's `server_label` from the session's tools. */
  readonly serverLabel: string;
  /** The tool the model wants to run. */
  readonly name: string;
  /** Its arguments, as the JSON text the server sent (show it as text, never as HTML). */
  readonly arguments: string;
}
