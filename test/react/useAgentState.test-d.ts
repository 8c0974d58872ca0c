import { describe, expectTypeOf, it } from 'vitest';
import type { AgentState as CoreAgentState, SessionState } from '../../src/core/index.ts';
import { useAgentState, type AgentState, type RealtimeSession, type UseAgentStateOptions } from '../../src/index.ts';

describe('useAgentState types', () => {
  it('returns the AgentState union, the type of state.agentState', () => {
    expectTypeOf(useAgentState()).toEqualTypeOf<AgentState>();
    expectTypeOf<AgentState>().toEqualTypeOf<
      'disconnected' | 'connecting' | 'listening' | 'user_speaking' | 'thinking' | 'tool_running' | 'speaking'
    >();
    expectTypeOf<SessionState['agentState']>().toEqualTypeOf<AgentState>();
    expectTypeOf<CoreAgentState>().toEqualTypeOf<AgentState>();
  });

  it('takes only an optional explicit session', () => {
    expectTypeOf<UseAgentStateOptions>().toEqualTypeOf<{ session?: RealtimeSession }>();
    useAgentState({ session: {} as RealtimeSession });
    // @ts-expect-error: not a selector hook
    useAgentState((state: SessionState) => state.status);
    // @ts-expect-error: unknown option
    useAgentState({ selector: () => 'listening' });
  });

  it('is an exhaustive switch target', () => {
    const label = (state: AgentState): string => {
      switch (state) {
        case 'disconnected':
        case 'connecting':
        case 'listening':
        case 'user_speaking':
        case 'thinking':
        case 'tool_running':
        case 'speaking':
          return state;
        default:
          return state satisfies never;
      }
    };
    expectTypeOf(label).returns.toEqualTypeOf<string>();
  });
});
