import type { AgentState, RealtimeSession, SessionState } from '../core/session/types.ts';
import { useRequiredSession } from './useRequiredSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';

/** Options of {@link useAgentState}. */
export interface UseAgentStateOptions {
  /** Use this session instead of the provider's. */
  session?: RealtimeSession;
}

const selectAgentState = (state: SessionState): AgentState => state.agentState;

/**
 * What the agent is doing: `'disconnected' | 'connecting' | 'listening' | 'user_speaking' |
 * 'thinking' | 'tool_running' | 'speaking'` (see {@link AgentState} for the precedence).
 * Re-renders only when the value changes: never while transcript text streams.
 *
 * @example
 * ```tsx
 * function AgentStatus() {
 *   const agentState = useAgentState();
 *   return (
 *     <p role="status" data-agent-state={agentState}>
 *       {agentState === 'thinking' ? 'Thinking…' : agentState.replace('_', ' ')}
 *     </p>
 *   );
 * }
 * ```
 */
export function useAgentState(options?: UseAgentStateOptions): AgentState {
  const session = useRequiredSession(options?.session, 'useAgentState');
  return useSessionSelector(session, selectAgentState);
}
