export { EventLog, defaultEventLogLabels } from './EventLog.tsx';
export type { EventLogLabels, EventLogProps } from './EventLog.tsx';
export { useEventLog } from './useEventLog.ts';
export type { EventLogEntry, UseEventLogOptions, UseEventLogResult } from './useEventLog.ts';
export { createRingBuffer } from './createRingBuffer.ts';
export type { RingBuffer } from './createRingBuffer.ts';
