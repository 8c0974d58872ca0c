import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import type { AgentState, RealtimeSession } from '../../core/session/types.ts';
import { useAgentState } from '../../react/index.ts';

/** Props of {@link AgentStateCaption}. */
export interface AgentStateCaptionProps extends Omit<HTMLAttributes<HTMLParagraphElement>, 'children'> {
  /** The words for each agent state. */
  labels: Readonly<Record<AgentState, string>>;
  /** An explicit session instead of the provider's. */
  session?: RealtimeSession;
}

/**
 * The agent's state in words ("Listening", "Thinking…"), under the visualizer. Plain text, not
 * a live region: the state changes several times a turn, and reading each change out would
 * talk over the assistant. Subscribes alone to the agent state, so the page around it does not
 * render when the state changes.
 */
export const AgentStateCaption = forwardRef<HTMLParagraphElement, AgentStateCaptionProps>(function AgentStateCaption(
  { labels, session, ...rest },
  ref,
) {
  const agentState = useAgentState(session ? { session } : undefined);
  return (
    <p {...rest} ref={ref} data-agent-state={agentState}>
      {labels[agentState]}
    </p>
  );
});
