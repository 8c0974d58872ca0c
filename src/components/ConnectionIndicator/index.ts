export { ConnectionIndicator, defaultConnectionIndicatorLabels } from './ConnectionIndicator.tsx';
export type { ConnectionIndicatorLabels, ConnectionIndicatorProps } from './ConnectionIndicator.tsx';
