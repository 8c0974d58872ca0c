import type { SessionConfig } from '../core/protocol/index.ts';

// The kit's client tools (defineTool, registerTool, function tools in updateSession) cannot run
// on an Agents SDK session: the SDK answers every function call itself (one it does not know gets
// "Tool … not found") and replaces the session's tools with its agent's on each handoff or
// updateAgent. Both would answer the same call, or the kit's tools would vanish mid-session; so
// the adapter refuses them loudly instead.

/**
 * The message for a kit `session.update` that declares function tools, or null when it declares
 * none (an empty list, or only remote MCP tools, passes).
 */
export function refusedClientTools(session: SessionConfig): string | null {
  const names = (session.tools ?? []).flatMap((tool) => (tool.type === 'function' ? [tool.name] : []));
  if (names.length === 0) return null;
  return (
    `Client tools (${names.join(', ')}) cannot run on the Agents SDK transport: the SDK runs every function call itself. ` +
    'Give them to your RealtimeAgent as SDK tools (tool() from @openai/agents-realtime); the kit shows their calls in the transcript.'
  );
}
