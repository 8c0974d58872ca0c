import type { RealtimeSession } from '../core/session/types.ts';

/**
 * What a component can ask of a session: its actions, with the session's own signatures and
 * docs. Each function reads the session when called, so the functions keep their identity
 * across renders (and even if the provider's session changes): they are safe in dependency
 * arrays and as props of memoized children.
 */
export type RealtimeActions = Pick<
  RealtimeSession,
  | 'connect'
  | 'disconnect'
  | 'sendText'
  | 'sendEvent'
  | 'updateSession'
  | 'interrupt'
  | 'setMuted'
  | 'stillHere'
  | 'setIdlePolicy'
>;

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
