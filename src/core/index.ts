/**
 * `react-realtime-kit/core`: the framework-free part of the kit. No React here, so another
 * framework can wrap the same session.
 */
export * from './protocol/index.ts';
export * from './session/index.ts';
export * from './transports/index.ts';
