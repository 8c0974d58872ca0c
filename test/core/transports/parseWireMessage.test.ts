import { expect, it } from 'vitest';
import { parseWireMessage } from '../../../src/core/transports/parseWireMessage.ts';

it('parseWireMessage returns JSON objects parsed and anything else as its text', () => {
  expect(parseWireMessage('{"type":"session.created"}')).toEqual({ type: 'session.created' });
  expect(parseWireMessage('not json')).toBe('not json');
  expect(parseWireMessage('42')).toBe('42');
  expect(parseWireMessage('null')).toBe('null');
});
