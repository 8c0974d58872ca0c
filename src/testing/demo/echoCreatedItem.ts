import type { ClientEvent } from '../../core/protocol/index.ts';
import type { IdFactory } from '../scenario/createIdFactory.ts';
import type { ServerEventStep } from '../scenario/types.ts';

/**
 * What a Realtime server answers to a `conversation.item.create` (text the user typed, with
 * `sendText`): the item, given an id, added to the conversation after `lastItemId` (or where
 * the client asked) and done. The demo's scripted server plays these steps, so typed text shows
 * in the transcript as it would on a real session. Any other client event: undefined.
 *
 * @example
 * ```ts
 * const steps = echoCreatedItem(event, 'item_previous', createUniqueIdFactory(), 0);
 * for (const step of steps ?? []) transport.emit(step.event);
 * ```
 */
export function echoCreatedItem(
  event: ClientEvent,
  lastItemId: string | null,
  ids: IdFactory,
  atMs: number,
): ServerEventStep[] | undefined {
  if (event.type !== 'conversation.item.create') return undefined;
  const item = { ...event.item, id: event.item.id ?? ids.next('item'), object: 'realtime.item', status: 'completed' } as const;
  const previous_item_id = event.previous_item_id !== undefined ? event.previous_item_id : lastItemId;
  return [
    { atMs, event: { type: 'conversation.item.added', event_id: ids.next('event'), previous_item_id, item } },
    { atMs, event: { type: 'conversation.item.done', event_id: ids.next('event'), previous_item_id, item } },
  ];
}
