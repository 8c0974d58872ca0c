import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest globals are off, so Testing Library cannot register its own cleanup: unmount here,
// or a component of one test would still listen to sessions in the next.
afterEach(() => {
  cleanup();
});
