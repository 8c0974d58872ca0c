/** Events with a string `type`, discriminated on it. */
export interface TypedEvent {
  type: string;
}

/** A typed event emitter that delivers events strictly in the order they were emitted. */
export interface Emitter<E extends TypedEvent> {
  /** Subscribe to one type, a list of types, or `'*'` for all. Returns an unsubscribe. */
  on(type: E['type'] | '*' | readonly (E['type'] | '*')[], handler: (event: E) => void): () => void;
  /** True when someone listens to `type` (or to `'*'`): lets the hot path skip building events. */
  wants(type: E['type']): boolean;
  /** Queue an event; it is delivered by the next `flush()` (or the one running now). */
  enqueue(event: E): void;
  /**
   * Deliver queued events. Re-entrant calls (a handler that causes more events) return at
   * once: the outer flush delivers the new events after the ones already queued, so every
   * handler sees events in emission order.
   */
  flush(): void;
  /** `enqueue` + `flush`. */
  emit(event: E): void;
}

/**
 * Create an emitter. A handler that throws is caught: `onHandlerError` turns the error into an
 * event (the session emits `{ type: 'error', error: { source: 'handler' } }`), and the other
 * handlers still run. If a handler throws while handling such a handler-error event, that error
 * is dropped rather than reported again, so a broken error handler cannot loop forever.
 *
 * @example
 * ```ts
 * type Ev = { type: 'ping'; n: number } | { type: 'error'; error: unknown };
 * const emitter = createEmitter<Ev>((error) => ({ type: 'error', error }));
 * emitter.on('ping', (event) => console.log(event));
 * emitter.emit({ type: 'ping', n: 1 });
 * ```
 */
export function createEmitter<E extends TypedEvent>(
  onHandlerError: (error: unknown, event: E) => E | null,
): Emitter<E> {
  const byType = new Map<string, Set<(event: E) => void>>();
  // The `'*'` handlers, also kept aside: every emit and every `wants` asks for them.
  let all: Set<(event: E) => void> | undefined;
  // A reused array and a count, not push() and `length = 0`: emptying an array gives up its
  // storage, so every message would allocate a new one. Delivered slots are cleared so the
  // queue holds no event longer than its flush.
  const queue: (E | undefined)[] = [];
  let queued = 0;
  // Events produced by onHandlerError, so a throwing handler of those is not reported again.
  const reports = new WeakSet<E>();
  let flushing = false;

  function add(type: string, handler: (event: E) => void): void {
    let set = byType.get(type);
    if (!set) byType.set(type, (set = new Set()));
    set.add(handler);
    if (type === '*') all = set;
  }

  function remove(type: string, handler: (event: E) => void): void {
    const set = byType.get(type);
    if (!set) return;
    set.delete(handler);
    if (set.size === 0) {
      byType.delete(type);
      if (type === '*') all = undefined;
    }
  }

  function call(handlers: Set<(event: E) => void> | undefined, event: E): void {
    if (!handlers) return;
    for (const handler of handlers) {
      try {
        handler(event);
      } catch (error) {
        if (reports.has(event)) continue;
        const report = onHandlerError(error, event);
        if (report) {
          reports.add(report);
          queue[queued++] = report;
        }
      }
    }
  }

  function flush(): void {
    if (flushing || queued === 0) return;
    flushing = true;
    let i = 0;
    try {
      // Index loop, not shift(): the queue is usually one or two events long, and handlers
      // may queue more while we deliver.
      for (; i < queued; i++) {
        const event = queue[i] as E;
        queue[i] = undefined;
        call(byType.get(event.type), event);
        call(all, event);
      }
    } finally {
      for (; i < queued; i++) queue[i] = undefined;
      queued = 0;
      flushing = false;
    }
  }

  return {
    on(type, handler) {
      let types: readonly string[] = typeof type === 'string' ? [type] : [...new Set(type as readonly string[])];
      // `'*'` already covers every type: listed with others, it must not deliver an event twice.
      if (types.length > 1 && types.includes('*')) types = ['*'];
      for (const t of types) add(t, handler);
      return () => {
        for (const t of types) remove(t, handler);
      };
    },
    wants: (type) => all !== undefined || byType.has(type),
    enqueue(event) {
      queue[queued++] = event;
    },
    flush,
    emit(event) {
      queue[queued++] = event;
      flush();
    },
  };
}
