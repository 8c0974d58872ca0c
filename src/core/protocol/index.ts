/**
 * The Realtime wire protocol: zod schemas of server and client events (GA names, beta aliases
 * normalized), the session config with its turn detection and idle timeout, and the parsers.
 */
export * from './items.ts';
export * from './response.ts';
export * from './turnDetection.ts';
export * from './sessionConfig.ts';
export * from './serverEvents.ts';
export * from './clientEvents.ts';
export * from './betaAliases.ts';
export * from './betaItems.ts';
export * from './betaSession.ts';
export * from './errors.ts';
export * from './parseServerEvent.ts';
export * from './parseClientEvent.ts';
export * from './validateSessionConfig.ts';
export * from './withIdleTimeout.ts';
