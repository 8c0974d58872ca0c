export { ConnectionIndicator } from './ConnectionIndicator.tsx';
export type { ConnectionIndicatorProps } from './ConnectionIndicator.tsx';
export { defaultConnectionIndicatorLabels, useConnectionIndicator } from './useConnectionIndicator.ts';
export type {
  ConnectionIndicatorLabels,
  UseConnectionIndicatorOptions,
  UseConnectionIndicatorResult,
} from './useConnectionIndicator.ts';
