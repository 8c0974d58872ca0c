export { AudioVisualizer } from './AudioVisualizer.tsx';
export type { AudioVisualizerLook, AudioVisualizerProps } from './AudioVisualizer.tsx';
export { defaultAudioVisualizerLabels } from './audioVisualizerLabels.ts';
export type { AudioVisualizerLabels } from './audioVisualizerLabels.ts';
export { useAudioVisualizer } from './useAudioVisualizer.ts';
export type { AudioVisualizerRootProps, UseAudioVisualizerOptions, UseAudioVisualizerResult } from './useAudioVisualizer.ts';
export type { AudioVisualizerFrame, AudioVisualizerListener, AudioVisualizerSource } from './visualizerLevels.ts';
