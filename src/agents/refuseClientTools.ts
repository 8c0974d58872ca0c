import type { SessionConfig } from '../core/protocol/index.ts';

// Tools are the SDK's. It declares its agent's tools in every session.update it sends and answers
// every function call itself (one it does not know gets "Tool … not found"). A `tools` list in a
// kit session.update would replace the agent's tools on the server until the SDK's next update,
// and a kit client tool's call would be answered by both. So the adapter never forwards one:
// an empty list (what the kit declares once its last client tool is gone) is dropped, and any
// tool, function or remote MCP, is refused loudly.

/**
 * The message for a kit `session.update` that declares tools, or null when it declares none.
 */
export function refusedClientTools(session: SessionConfig): string | null {
  const names = (session.tools ?? []).map((tool) => (tool.type === 'function' ? tool.name : `MCP server ${tool.server_label}`));
  if (names.length === 0) return null;
  return (
    `Client tools (${names.join(', ')}) cannot run on the Agents SDK transport: the SDK owns the session's tools and runs every function call itself. ` +
    'Give them to your RealtimeAgent as SDK tools (tool(), or hostedMcpTool() for a remote MCP server); the kit shows their calls in the transcript.'
  );
}

/** The config without an empty `tools` list, which would take the agent's tools away. */
export function withoutEmptyTools(session: SessionConfig): SessionConfig {
  if (session.tools === undefined || session.tools.length > 0) return session;
  const { tools: _empty, ...rest } = session;
  return rest;
}
