import type { TranscriptItem } from '../../../src/core/session/types.ts';

/** A completed message row, with whatever `extra` fields a test needs. */
export const message = (id: string, role: TranscriptItem['role'], text: string, extra: Partial<TranscriptItem> = {}): TranscriptItem => ({
  id,
  role,
  kind: 'message',
  text,
  status: 'completed',
  previousItemId: null,
  ...extra,
});

/** The marker row a server idle timeout of `idleMs` leaves in the transcript. */
export const idleMarker = (id: string, idleMs: number): TranscriptItem => ({
  id,
  role: 'user',
  kind: 'idle_timeout',
  text: '',
  status: 'completed',
  previousItemId: null,
  idle: { audioStartMs: 0, audioEndMs: idleMs, idleMs, source: 'server' },
});
