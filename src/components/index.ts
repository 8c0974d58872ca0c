/**
 * Prebuilt components: each a thin shell over a headless hook, styled by
 * `react-realtime-kit/styles.css` unless `unstyled`.
 */
export * from './AudioVisualizer/index.ts';
export * from './IdleBanner/index.ts';
export * from './TranscriptView/index.ts';
export * from './SessionControls/index.ts';
export * from './ConnectionIndicator/index.ts';
export * from './EventLog/index.ts';
export * from './MessageComposer/index.ts';
export * from './MicrophoneSelect/index.ts';
export * from './VoiceSessionView/index.ts';
export * from './ToolApproval/index.ts';
export { composeEventHandlers } from './internal/composeEventHandlers.ts';
export { resolveLabel } from './internal/resolveLabel.ts';
export type { Label } from './internal/resolveLabel.ts';
