import type * as z from 'zod/mini';
import type { ServerEventType } from '../../protocol/index.ts';
import type {
  SelectedSessionEvent,
  SessionEvent,
  SessionEventOf,
  SessionEventSelector,
  SessionEventType,
  UnknownServerEvent,
} from './sessionEventTypes.ts';

// Server events the app teaches the kit (`defineServerEvents`): their types, and how they widen
// the session's typed `on()` and `useRealtimeEvents`.

/**
 * Schemas of server events the kit does not know, by wire type: any zod 4 schema (classic or
 * mini) whose output is an object.
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * const schemas = {
 *   'conversation.item.summary_ready': z.object({ event_id: z.string(), item_id: z.string(), summary: z.string() }),
 * } satisfies CustomServerEventSchemas;
 * ```
 */
export type CustomServerEventSchemas = Readonly<Record<string, z.core.$ZodType<object>>>;

/**
 * The beta names the kit still accepts (and renames to their GA names). A custom event may not
 * take one of them either.
 *
 * @example
 * ```ts
 * const legacy: BetaServerEventType = 'response.text.delta';
 * ```
 */
export type BetaServerEventType =
  | 'response.audio.delta'
  | 'response.audio.done'
  | 'response.audio_transcript.delta'
  | 'response.audio_transcript.done'
  | 'response.text.delta'
  | 'response.text.done'
  | 'conversation.item.created';

/**
 * Names a custom server event cannot take: every server event the kit knows (GA and beta), every
 * session event and `'*'`. A custom type must also contain a dot, as wire types do, so it can
 * never be mistaken for a session event (whose names have none).
 *
 * @example
 * ```ts
 * const taken: ReservedEventType = 'input_audio_buffer.timeout_triggered';
 * ```
 */
export type ReservedEventType = ServerEventType | BetaServerEventType | SessionEventType | '*';

/**
 * What a key of `defineServerEvents` must satisfy: a dotted wire type the kit does not know.
 * Otherwise its value must be this message, so the compiler's error says why.
 *
 * @example
 * ```ts
 * type Ok = CheckedServerEventSchemas<{ 'x.new_event': z.ZodMiniObject }>; // unchanged
 * ```
 */
export type CheckedServerEventSchemas<M> = {
  [K in keyof M]: K extends ReservedEventType
    ? `"${K & string}" is an event the kit already knows: it cannot be redefined`
    : K extends `${string}.${string}`
      ? M[K]
      : `"${K & string}" is not a wire event type (those contain a dot, like "conversation.item.summary_ready")`;
};

/**
 * The session event a registered server event becomes: the schema's output, with `type` the
 * wire type (snake_case fields, as the server sent them after the schema's own transforms).
 *
 * @example
 * ```ts
 * type Summary = CustomServerEventOf<typeof serverEvents.schemas, 'conversation.item.summary_ready'>;
 * const show = (event: Summary) => console.log(event.item_id, event.summary);
 * ```
 */
export type CustomServerEventOf<M, K extends keyof M> = K extends keyof M
  ? M[K] extends z.core.$ZodType
    ? Omit<z.output<M[K]>, 'type'> & { type: K }
    : never
  : never;

/**
 * Where `~receive` queues what it makes of a wire event: the session's emitter. Internal.
 *
 * @example
 * ```ts
 * const sink: CustomServerEventSink = { enqueue: (event) => console.log(event.type) };
 * ```
 */
export interface CustomServerEventSink {
  enqueue(event: SessionEvent): void;
}

/**
 * Server event types taught to the kit, made by `defineServerEvents`; pass it as the
 * `serverEvents` option of `createRealtimeSession` (or `RealtimeProvider`). It carries its own
 * validator, so a page that registers nothing ships none of it.
 *
 * @example
 * ```ts
 * const session = createRealtimeSession({ transport, serverEvents: defineServerEvents({ 'x.y': schema }) });
 * ```
 */
export interface CustomServerEvents<M extends CustomServerEventSchemas = CustomServerEventSchemas> {
  /** The schemas, by wire type, as given. */
  readonly schemas: M;
  /**
   * Internal: check one wire event the kit does not know and queue the typed event, or an
   * `error` event when its payload fails its schema; nothing when its type is not registered.
   */
  readonly '~receive': (raw: UnknownServerEvent, sink: CustomServerEventSink) => void;
}

/**
 * Register your provider's server events once for the whole app, so `useRealtimeEvents` and
 * `useRealtimeSession().on` are typed for them without passing a session. Augment it in any
 * module of your app (the same pattern as TanStack Query's `Register`).
 *
 * @example
 * ```ts
 * declare module 'react-realtime-kit' {
 *   interface Register {
 *     serverEvents: typeof appServerEvents;
 *   }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by apps
export interface Register {}

/**
 * The schemas registered through {@link Register} (none by default): the default type argument of
 * `RealtimeSession`, so the provider's session is typed for them.
 *
 * @example
 * ```ts
 * type AppEvents = RegisteredServerEvents; // {} until an app augments Register
 * ```
 */
export type RegisteredServerEvents = ServerEventsOf<Register>;

/**
 * The schemas a {@link Register}-like interface names in its `serverEvents` (none without one).
 *
 * @example
 * ```ts
 * type AppEvents = ServerEventsOf<{ serverEvents: typeof appServerEvents }>;
 * ```
 */
export type ServerEventsOf<R> = R extends { serverEvents: CustomServerEvents<infer M> }
  ? M
  : // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "no custom events"
    {};

/**
 * Event names a session with custom server events `M` accepts in `on()`: its session events,
 * `'*'`, and the registered wire types.
 *
 * @example
 * ```ts
 * const names: RealtimeEventSelector<typeof serverEvents.schemas>[] = ['speech_started', 'conversation.item.summary_ready'];
 * ```
 */
export type RealtimeEventSelector<M = RegisteredServerEvents> = SessionEventSelector | (keyof M & string);

/**
 * The events selected by one name or a list of names, custom server events included (`'*'` =
 * every session event and every registered server event).
 *
 * @example
 * ```ts
 * type Summary = SelectedRealtimeEvent<'conversation.item.summary_ready', typeof serverEvents.schemas>;
 * ```
 */
export type SelectedRealtimeEvent<T, M = RegisteredServerEvents> = T extends '*'
  ? SessionEvent | CustomServerEventOf<M, keyof M & string>
  : T extends keyof M & string
    ? CustomServerEventOf<M, T>
    : T extends SessionEventType
      ? SessionEventOf<T>
      : never;

/**
 * `on()` of a session without custom server events: the kit's own event names.
 *
 * @example
 * ```ts
 * const listen: SessionEventListener = session.on;
 * ```
 */
export type SessionEventListener = <T extends SessionEventSelector>(
  type: T | readonly T[],
  handler: (event: SelectedSessionEvent<T>) => void,
) => () => void;

/**
 * `on()` of a session with custom server events `M`: their wire types are names too, and `'*'`
 * sees them as well.
 *
 * @example
 * ```ts
 * const listen: CustomServerEventListener<typeof serverEvents.schemas> = session.on;
 * ```
 */
export type CustomServerEventListener<M> = <T extends RealtimeEventSelector<M>>(
  type: T | readonly T[],
  handler: (event: SelectedRealtimeEvent<T, M>) => void,
) => () => void;

/**
 * The type of `session.on`: an overload for the custom events (when there are some) on top of
 * the kit's own, so a session with custom events is still assignable to a plain
 * `RealtimeSession` (the provider's `session` prop, the hooks' `session` option), and a plain
 * session's `on` is exactly what it always was.
 *
 * @example
 * ```ts
 * type On = RealtimeSessionOn<typeof serverEvents.schemas>;
 * ```
 */
export type RealtimeSessionOn<M> = ([keyof M] extends [never] ? unknown : CustomServerEventListener<M>) & SessionEventListener;
