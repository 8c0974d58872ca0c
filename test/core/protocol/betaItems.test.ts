import { describe, expect, it } from 'vitest';
import { gaServerEventType, normalizeBetaItem } from '../../../src/core/protocol/index.ts';
import { fixtureItems } from '../../fixtures/wireEvents.ts';

describe('normalizeBetaItem', () => {
  it('returns GA items and non-assistant items as the very same object (no copy on the hot path)', () => {
    for (const item of Object.values(fixtureItems)) expect(normalizeBetaItem(item)).toBe(item);
    const system = { type: 'message', role: 'system', content: [{ type: 'text', text: 'x' }] };
    expect(normalizeBetaItem(system)).toBe(system);
  });

  it('copies only what it rewrites and leaves the input alone', () => {
    const keep = { type: 'output_text', text: 'a' };
    const beta = { id: 'm1', type: 'message', role: 'assistant', content: [keep, { type: 'audio', transcript: 'b' }] };
    const snapshot = structuredClone(beta);
    const normalized = normalizeBetaItem(beta);
    expect(normalized).toEqual({ ...snapshot, content: [keep, { type: 'output_audio', transcript: 'b' }] });
    expect(normalized.content[0]).toBe(keep);
    expect(beta).toEqual(snapshot);
  });

  it.each([null, 3, 'item', [], { type: 'message', role: 'assistant', content: 'text' }])(
    'passes odd input %j through for validation to judge',
    (value) => {
      expect(normalizeBetaItem(value)).toBe(value);
    },
  );
});

describe('gaServerEventType', () => {
  it('maps beta names and nothing else', () => {
    expect(gaServerEventType('response.audio_transcript.done')).toBe('response.output_audio_transcript.done');
    expect(gaServerEventType('response.output_audio.delta')).toBeUndefined();
    expect(gaServerEventType('__proto__')).toBeUndefined();
  });
});
