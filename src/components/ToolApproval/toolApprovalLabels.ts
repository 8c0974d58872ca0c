import type { McpApprovalRequest } from '../../core/session/types.ts';
import type { Label } from '../internal/resolveLabel.ts';

/** What the prompt knows about the request it shows, passed to label functions. */
export interface ToolApprovalState {
  /** The request shown. */
  request: McpApprovalRequest;
  /** Its place among the pending requests, from 1 (the oldest). */
  position: number;
  /** How many requests are pending. */
  count: number;
}

/** Every string of {@link ToolApproval}. Functions receive the state, for names and numbers. */
export interface ToolApprovalLabels {
  /** The question, which also names the prompt's group. */
  title: Label<ToolApprovalState>;
  /** Who asks: the MCP server. */
  server: Label<ToolApprovalState>;
  /** The heading of the arguments, which also names their scrollable box. */
  arguments: Label<ToolApprovalState>;
  /** Shown instead of the arguments when there are none. */
  noArguments: Label<ToolApprovalState>;
  /** Where the request stands among several ("2 of 3"); shown only when more than one is pending. */
  position: Label<ToolApprovalState>;
  /** The approve button's text. */
  approve: Label<ToolApprovalState>;
  /** The deny button's text. */
  deny: Label<ToolApprovalState>;
  /**
   * The approve button's accessible name: its text and the tool, so it makes sense on its own.
   * By default the `approve` text (yours, if you changed it) followed by the tool's name.
   */
  approveName: Label<ToolApprovalState>;
  /** The deny button's accessible name; by default the `deny` text followed by the tool's name. */
  denyName: Label<ToolApprovalState>;
  /** Said once, politely, when a request arrives. */
  announcement: Label<ToolApprovalState>;
}

/**
 * The default English copy of {@link ToolApproval}.
 *
 * @example
 * ```tsx
 * <ToolApproval labels={{ ...defaultToolApprovalLabels, approve: 'Allow' }} />
 * ```
 */
export const defaultToolApprovalLabels: ToolApprovalLabels = {
  title: ({ request }) => `Allow ${request.name || 'this tool'}?`,
  server: ({ request }) => (request.serverLabel ? `Requested by the ${request.serverLabel} MCP server` : 'Requested by an MCP server'),
  arguments: 'Arguments',
  noArguments: 'No arguments',
  position: ({ position, count }) => `${position} of ${count}`,
  approve: 'Approve',
  deny: 'Deny',
  approveName: ({ request }) => `Approve ${request.name || 'the tool'}`,
  denyName: ({ request }) => `Deny ${request.name || 'the tool'}`,
  announcement: ({ request, count }) =>
    `Approval needed: ${request.serverLabel || 'an MCP server'} asks to run ${request.name || 'a tool'}.` +
    (count > 1 ? ` ${count} requests are waiting.` : ''),
};
