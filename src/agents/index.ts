// react-realtime-kit/agents: the kit on top of OpenAI's Agents SDK (`@openai/agents-realtime`,
// an optional peer dependency of this entry only).
export { createAgentsRealtimeTransport } from './createAgentsRealtimeTransport.ts';
export type { AgentsRealtimeTransport, AgentsRealtimeTransportOptions } from './createAgentsRealtimeTransport.ts';
