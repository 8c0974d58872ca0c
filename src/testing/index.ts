/**
 * `react-realtime-kit/testing`: test and demo a Realtime UI without a server or an API key.
 * A mock transport, a virtual clock, a scenario builder of protocol-valid event timelines,
 * replay of recorded sessions, and a demo mode (`createDemoSession`) that plays a scenario inside
 * an app. Framework-free: nothing here imports React.
 */
export { createMockTransport } from './createMockTransport.ts';
export type { MockDelivery, MockTransport, MockTransportCall, MockTransportOptions } from './createMockTransport.ts';
export { createVirtualClock } from './createVirtualClock.ts';
export type { VirtualClock } from './createVirtualClock.ts';
export * from './scenario/index.ts';
export { parseEventLog } from './replay/parseEventLog.ts';
export type { EventLogProblem, ParsedEventLog, ParseEventLogOptions } from './replay/parseEventLog.ts';
export { formatEventLog } from './replay/formatEventLog.ts';
export { replayEventLog } from './replay/replayEventLog.ts';
export type { ReplayController, ReplayEventLogOptions } from './replay/replayEventLog.ts';
// Frames: when frame-coalesced hooks (useTranscript) hear about changes, in tests and demos
export { runFramesOnClock } from './runFramesOnClock.ts';
export { setFrameScheduler } from '../react/frameScheduler.ts';
export type { FrameScheduler } from '../react/frameScheduler.ts';
export { flushFrame } from '../react/subscribeOncePerFrame.ts';
export { createDemoSession } from './demo/createDemoSession.ts';
export type { DemoSessionOptions } from './demo/createDemoSession.ts';
export { demoTimeline, demoWelcomeBack } from './demo/demoTimeline.ts';
export type { DemoTimelineOptions } from './demo/demoTimeline.ts';
// React helpers (`renderWithSession`) live in `./react.ts`, entry `react-realtime-kit/testing/react`,
// so that this entry never requires React or Testing Library.
