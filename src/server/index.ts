/**
 * `react-realtime-kit/server`: helpers for your backend (Node, edge runtimes). Never import it
 * in a page: it handles your standard API key.
 */
export { createClientSecret, ClientSecretError } from './createClientSecret.ts';
export type { ClientSecret, ClientSecretErrorCode, CreateClientSecretOptions } from './createClientSecret.ts';
