import { describe, expect, it } from 'vitest';
import { deriveAgentState } from '../../../../src/core/session/agentState/deriveAgentState.ts';
import type { AgentState, ConnectionStatus } from '../../../../src/core/session/types.ts';

// The precedence of AgentState's TSDoc, checked over every combination of the inputs.

type Inputs = [status: ConnectionStatus, userSpeaking: boolean, assistantSpeaking: boolean, toolRunning: boolean, responding: boolean, responseDue: boolean];

/** The documented precedence, written as a list of rules: the first that holds names the state. */
const rules: [AgentState, (inputs: Inputs) => boolean][] = [
  ['disconnected', ([status]) => status === 'idle' || status === 'disconnected' || status === 'error'],
  ['connecting', ([status]) => status === 'connecting'],
  ['user_speaking', ([, user]) => user],
  ['speaking', ([, , assistant]) => assistant],
  ['tool_running', ([, , , tool]) => tool],
  ['thinking', ([, , , , responding, due]) => responding || due],
  ['listening', () => true],
];

const statuses: ConnectionStatus[] = ['idle', 'connecting', 'connected', 'disconnected', 'error'];
const flags = [false, true];

describe('deriveAgentState', () => {
  it('follows the documented precedence for every combination (160 cases)', () => {
    let cases = 0;
    for (const status of statuses)
      for (const userSpeaking of flags)
        for (const assistantSpeaking of flags)
          for (const toolRunning of flags)
            for (const responding of flags)
              for (const responseDue of flags) {
                const inputs: Inputs = [status, userSpeaking, assistantSpeaking, toolRunning, responding, responseDue];
                const expected = rules.find(([, holds]) => holds(inputs))![0];
                expect(deriveAgentState({ status, userSpeaking, assistantSpeaking, responding }, toolRunning, responseDue), inputs.join()).toBe(expected);
                cases++;
              }
    expect(cases).toBe(160);
  });

  it.each<[string, Inputs, AgentState]>([
    ['the user barges in while the assistant plays', ['connected', true, true, false, true, false], 'user_speaking'],
    ['the assistant speaks while a tool call waits', ['connected', false, true, true, false, false], 'speaking'],
    ['a tool call waits inside a running response', ['connected', false, false, true, true, false], 'tool_running'],
    ['a response runs, no audio yet', ['connected', false, false, false, true, false], 'thinking'],
    ['the user stopped, no response yet', ['connected', false, false, false, false, true], 'thinking'],
    ['nothing happens', ['connected', false, false, false, false, false], 'listening'],
    ['a dropped connection, whatever it left behind', ['error', true, true, true, true, true], 'disconnected'],
  ])('%s: %j -> %s', (_name, [status, userSpeaking, assistantSpeaking, toolRunning, responding, responseDue], expected) => {
    expect(deriveAgentState({ status, userSpeaking, assistantSpeaking, responding }, toolRunning, responseDue)).toBe(expected);
  });
});
