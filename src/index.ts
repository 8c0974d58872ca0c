/**
 * `react-realtime-kit`: the core, the React layer and the prebuilt components.
 */
export * from './core/index.ts';
export * from './react/index.ts';
export * from './components/index.ts';
