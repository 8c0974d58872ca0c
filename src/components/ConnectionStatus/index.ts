export { ConnectionStatus, defaultConnectionStatusLabels } from './ConnectionStatus.tsx';
export type { ConnectionStatusLabels, ConnectionStatusProps } from './ConnectionStatus.tsx';
