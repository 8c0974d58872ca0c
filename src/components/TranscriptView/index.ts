export { TranscriptView } from './TranscriptView.tsx';
export type { TranscriptRenderContext, TranscriptViewProps } from './TranscriptView.tsx';
export { TranscriptItemContent, defaultTranscriptViewLabels } from './TranscriptItemContent.tsx';
export type { TranscriptItemContentProps, TranscriptViewLabels } from './TranscriptItemContent.tsx';
export { useStickToBottom } from './useStickToBottom.ts';
export type { StickToBottom } from './useStickToBottom.ts';
