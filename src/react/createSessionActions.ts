import type { ClientEvent, SessionConfig } from '../core/protocol/index.ts';
import type { IdlePolicy, RealtimeSession } from '../core/session/types.ts';

/**
 * What a component can ask of a session. Each function reads the session when called, so the
 * functions keep their identity across renders (and even if the provider's session changes):
 * they are safe in dependency arrays and as props of memoized children.
 */
export interface RealtimeActions {
  /** Open the connection. Resolves when connected; failures also land in `status`/`error`. */
  connect(): Promise<void>;
  /** Close the connection. Idempotent. */
  disconnect(): void;
  /** Send a user text message and ask for a response. Counts as user activity. */
  sendText(text: string): void;
  /** Send any client event (validated by the session). */
  sendEvent(event: ClientEvent): void;
  /** Send a `session.update` with this patch. */
  updateSession(patch: SessionConfig): void;
  /** Stop the assistant: cancel the response and stop playback. */
  interrupt(): void;
  /** Stop (or resume) sending microphone audio. */
  setMuted(muted: boolean): void;
  /** The user is back: reset the consecutive timeout count and cancel a pending end of session. */
  stillHere(): void;
  /** Change the idle policy at runtime. */
  setIdlePolicy(patch: Partial<IdlePolicy>): void;
}

/**
 * Build {@link RealtimeActions} that look the session up on every call.
 *
 * @example
 * ```ts
 * const sessionRef = { current: session };
 * const actions = createSessionActions(() => sessionRef.current);
 * actions.sendText('Hello'); // goes to whatever session the ref holds now
 * ```
 */
export function createSessionActions(getSession: () => RealtimeSession): RealtimeActions {
  return {
    connect: () => getSession().connect(),
    disconnect: () => getSession().disconnect(),
    sendText: (text) => getSession().sendText(text),
    sendEvent: (event) => getSession().sendEvent(event),
    updateSession: (patch) => getSession().updateSession(patch),
    interrupt: () => getSession().interrupt(),
    setMuted: (muted) => getSession().setMuted(muted),
    stillHere: () => getSession().stillHere(),
    setIdlePolicy: (patch) => getSession().setIdlePolicy(patch),
  };
}

/**
 * Actions bound to a replaceable session: `actions` keep their identity while `setSession`
 * points them at another session. What the provider uses so a new `session` prop does not
 * change the actions' identity.
 *
 * @example
 * ```ts
 * const bound = new BoundSessionActions(sessionA);
 * bound.setSession(sessionB);
 * bound.actions.sendText('Hi'); // goes to sessionB
 * ```
 */
export class BoundSessionActions {
  readonly actions: RealtimeActions;
  private session: RealtimeSession;

  constructor(session: RealtimeSession) {
    this.session = session;
    this.actions = createSessionActions(() => this.session);
  }

  setSession(session: RealtimeSession): void {
    this.session = session;
  }
}
