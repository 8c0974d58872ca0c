import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseServerEvent, SERVER_EVENT_TYPES, BETA_SERVER_EVENT_ALIASES } from '../../../src/core/protocol/index.ts';
import { serverEventFixtures } from '../../fixtures/wireEvents.ts';

const knownTypes = [...SERVER_EVENT_TYPES, ...Object.keys(BETA_SERVER_EVENT_ALIASES)];

/** Every result must be one of the documented shapes. */
function expectWellFormed(result: ReturnType<typeof parseServerEvent>): void {
  if (result.ok) {
    expect(SERVER_EVENT_TYPES).toContain(result.event.type);
  } else {
    expect(['malformed_json', 'unknown_type', 'invalid']).toContain(result.reason);
    expect(typeof result.message).toBe('string');
    expect(result.message.length).toBeGreaterThan(0);
  }
}

describe('parseServerEvent properties', () => {
  it('never throws for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = parseServerEvent(text);
        expectWellFormed(result);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws for arbitrary JSON values, as objects or as text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(parseServerEvent(value as object));
        expectWellFormed(parseServerEvent(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws for objects with a known type and arbitrary fields', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...knownTypes),
        fc.dictionary(fc.string(), fc.jsonValue()),
        (type, fields) => {
          const result = parseServerEvent({ ...fields, type });
          expectWellFormed(result);
          if (!result.ok) expect(result.reason).not.toBe('unknown_type');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws when a valid fixture has one field replaced by anything', () => {
    const fixtures = Object.values(serverEventFixtures) as Record<string, unknown>[];
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.jsonValue(), fc.nat(), (fixture, junk, index) => {
        const keys = Object.keys(fixture).filter((key) => key !== 'type');
        const key = keys[index % keys.length]!;
        const result = parseServerEvent({ ...fixture, [key]: junk });
        expectWellFormed(result);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps any extra top-level field on a valid event', () => {
    fc.assert(
      fc.property(
        fc.string().filter((key) => !(key in serverEventFixtures['input_audio_buffer.committed']) && key !== '__proto__'),
        fc.jsonValue(),
        (key, value) => {
          const result = parseServerEvent({ ...serverEventFixtures['input_audio_buffer.committed'], [key]: value });
          expect(result.ok).toBe(true);
          if (result.ok) expect((result.event as Record<string, unknown>)[key]).toEqual(value);
        },
      ),
      { numRuns: 300 },
    );
  });
});
