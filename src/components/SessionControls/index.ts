export { SessionControls } from './SessionControls.tsx';
export type { SessionControlsProps } from './SessionControls.tsx';
export { defaultSessionControlsLabels, useSessionControls } from './useSessionControls.ts';
export type { SessionControlsLabels, UseSessionControlsOptions, UseSessionControlsResult } from './useSessionControls.ts';
