export { VoiceSessionView } from './VoiceSessionView.tsx';
export type { VoiceSessionViewArea, VoiceSessionViewProps } from './VoiceSessionView.tsx';
export type { VoiceSessionViewPart } from './renderPart.tsx';
export { defaultVoiceSessionViewLabels } from './voiceSessionViewLabels.ts';
export type { VoiceSessionViewLabelOverrides, VoiceSessionViewLabels } from './voiceSessionViewLabels.ts';
