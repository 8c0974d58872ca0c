// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  defaultMicrophoneErrorMessages,
  describeMicrophoneError,
  type MicrophoneErrorKind,
} from '../../../src/components/MicrophoneSelect/index.ts';
import { RealtimeTransportError } from '../../../src/core/transport/RealtimeTransportError.ts';

const dom = (name: string) => new DOMException(`raw browser text for ${name}`, name);

describe('describeMicrophoneError', () => {
  it.each<[string, MicrophoneErrorKind]>([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['PermissionDeniedError', 'denied'],
    ['NotFoundError', 'not_found'],
    ['OverconstrainedError', 'not_found'],
    ['DevicesNotFoundError', 'not_found'],
    ['NotReadableError', 'in_use'],
    ['AbortError', 'in_use'],
    ['TrackStartError', 'in_use'],
  ])("reads the browser's %s, thrown directly or as a transport error's cause, as %s", (name, kind) => {
    expect(describeMicrophoneError(dom(name)).kind).toBe(kind);
    // The transport's code says "unavailable" for several causes: the cause is more precise.
    const wrapped = new RealtimeTransportError('microphone_unavailable', 'No usable microphone', { cause: dom(name) });
    expect(describeMicrophoneError(wrapped)).toEqual({ kind, message: defaultMicrophoneErrorMessages[kind], cause: wrapped });
  });

  it('falls back to the transport error code, then to unknown', () => {
    expect(describeMicrophoneError(new RealtimeTransportError('microphone_denied', 'x')).kind).toBe('denied');
    expect(describeMicrophoneError(new RealtimeTransportError('microphone_unavailable', 'x')).kind).toBe('not_found');
    expect(describeMicrophoneError(new RealtimeTransportError('unsupported', 'x')).kind).toBe('unsupported');
    expect(describeMicrophoneError(new RealtimeTransportError('connection_lost', 'x')).kind).toBe('unknown');
    expect(describeMicrophoneError(new Error('boom')).kind).toBe('unknown');
    expect(describeMicrophoneError('a string').kind).toBe('unknown');
    expect(describeMicrophoneError(null).kind).toBe('unknown');
  });

  it("shows the user's message, never the error's own (possibly technical) text", () => {
    const { message } = describeMicrophoneError(dom('NotReadableError'));
    expect(message).toBe(defaultMicrophoneErrorMessages.in_use);
    expect(message).not.toContain('raw browser text');
    const custom = describeMicrophoneError(dom('NotAllowedError'), { ...defaultMicrophoneErrorMessages, denied: 'Blockiert.' });
    expect(custom.message).toBe('Blockiert.');
  });

  it('survives a cyclic cause chain', () => {
    const a: { name: string; cause?: unknown } = { name: 'Error' };
    a.cause = a;
    expect(describeMicrophoneError(a).kind).toBe('unknown');
  });
});
