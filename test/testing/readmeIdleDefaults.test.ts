// The README's one-page summary of the idle policy states its defaults: they must be the code's.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DEFAULT_IDLE_POLICY } from '../../src/core/index.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

it('the README states the idle policy defaults the code applies', () => {
  const stated = /`idle: \{ timeoutMs, clientFallback, maxTimeouts, endGraceMs \}` \(defaults: ([^)]*)\)/.exec(readme.replace(/\s+/g, ' '));
  expect(stated, 'the README no longer states the defaults in this form').not.toBeNull();
  const [timeoutMs, clientFallback, maxTimeouts, endGraceMs] = stated![1]!.split(',').map((value) => value.trim().replace(/`|'/g, ''));
  expect({ timeoutMs, clientFallback, maxTimeouts: Number(maxTimeouts), endGraceMs: Number(endGraceMs) }).toEqual({
    timeoutMs: DEFAULT_IDLE_POLICY.timeoutMs === null ? 'off' : String(DEFAULT_IDLE_POLICY.timeoutMs),
    clientFallback: DEFAULT_IDLE_POLICY.clientFallback,
    maxTimeouts: DEFAULT_IDLE_POLICY.maxTimeouts,
    endGraceMs: DEFAULT_IDLE_POLICY.endGraceMs,
  });
});
