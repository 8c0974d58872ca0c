import { vi } from 'vitest';

/**
 * Quiet the error reports of a render that is expected to throw: React logs it with
 * `console.error`, and React 18 also dispatches a window `error` event. Returns the undo.
 */
export function silenceRenderErrors(): () => void {
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  const silence = (event: ErrorEvent) => event.preventDefault();
  window.addEventListener('error', silence);
  return () => {
    window.removeEventListener('error', silence);
    consoleError.mockRestore();
  };
}
