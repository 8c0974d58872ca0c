/**
 * `react-realtime-kit/testing/react`: the React test helpers. Separate from
 * `react-realtime-kit/testing` because they import `@testing-library/react`, which the
 * framework-free testing entry (used by stories and non-React tests) must not require.
 */
export { cleanup, renderWithSession } from './renderWithSession.tsx';
export type { RenderWithSessionOptions, RenderWithSessionResult } from './renderWithSession.tsx';
