/**
 * Every public type of the session, in one place for the layers above (React, components,
 * testing). Each lives next to the concern it describes; the session's own files import them
 * from there.
 */
export type * from './agentState/agentStateTypes.ts';
export type * from './approvals/approvalTypes.ts';
export type * from './connection/connectionStatus.ts';
export type * from './events/customServerEventTypes.ts';
export type * from './events/realtimeError.ts';
export type * from './events/sessionEventTypes.ts';
export type * from './idle/idleTypes.ts';
export type * from './sessionTypes.ts';
export type * from './tools/toolTypes.ts';
export type * from './transcript/transcriptTypes.ts';
