import { useCallback, useId, useState } from 'react';
import type { ButtonHTMLAttributes, HTMLAttributes, MouseEvent, RefCallback } from 'react';
import type { IdlePhase, IdleTimeoutSource, RealtimeSession } from '../../core/session/types.ts';
import { useIdleTimeout, useRealtimeSession } from '../../react/index.ts';
import { useRequiredSession } from '../../react/useRequiredSession.ts';
import type { Label } from '../internal/resolveLabel.ts';
import { resolveLabel } from '../internal/resolveLabel.ts';
import { composeEventHandlers } from '../internal/composeEventHandlers.ts';
import { useControllableOpen } from '../internal/useControllableOpen.ts';

/** What the banner knows, passed to label functions and render functions. */
export interface IdleBannerState {
  /** Whether the banner is shown (controlled `open` wins over the idle phase). */
  open: boolean;
  phase: IdlePhase;
  /** Consecutive timeouts (re-prompts) without the user speaking. */
  timeouts: number;
  /** Length of the last silence in ms, or null before the first timeout. */
  idleMs: number | null;
  /** Who noticed the last silence: the server's `timeout_triggered`, or the client fallback. */
  source: IdleTimeoutSource | null;
  /** Session clock time at which the session ends automatically (phase `ending`), or null. */
  endsAt: number | null;
  /** The grace period of the policy (ms): how long `ending` lasts. */
  endGraceMs: number;
  /** Timeouts after which the policy ends the session, or null for never. */
  maxTimeouts: number | null;
}

/** State given to the countdown label: the banner's state plus the time left. */
export interface IdleBannerCountdownState extends IdleBannerState {
  remainingMs: number;
  /** `remainingMs` rounded up to whole seconds, what a person expects to read. */
  secondsLeft: number;
}

/** Every visible string of the banner. Functions receive the state, for plurals and numbers. */
export interface IdleBannerLabels {
  title: Label<IdleBannerState>;
  description: Label<IdleBannerState>;
  countdown: Label<IdleBannerCountdownState>;
  stillHere: Label<IdleBannerState>;
  end: Label<IdleBannerState>;
}

/**
 * The default English copy. A label you pass replaces only its own key; call a default through
 * {@link resolveLabel} to keep it for some states.
 *
 * @example
 * ```tsx
 * <IdleBanner
 *   labels={{
 *     description: (state) =>
 *       state.phase === 'ending' ? 'Saving your notes before we hang up.' : resolveLabel(defaultIdleBannerLabels.description, state),
 *   }}
 * />
 * ```
 */
export const defaultIdleBannerLabels: IdleBannerLabels = {
  title: 'Are you still there?',
  description: ({ timeouts, phase }) =>
    phase === 'ending'
      ? `No reply after ${timeouts} ${timeouts === 1 ? 'reminder' : 'reminders'}. The session will end soon.`
      : timeouts > 1
        ? `We haven't heard from you (reminder ${timeouts}).`
        : "We haven't heard from you for a while.",
  countdown: ({ secondsLeft }) => `Ending the session in ${secondsLeft} s`,
  stillHere: "I'm still here",
  end: 'End session',
};

/** The phases in which the banner opens by itself. */
const OPEN_PHASES: ReadonlySet<IdlePhase> = new Set<IdlePhase>(['timed_out', 'ending']);

/** Options of {@link useIdleBanner}; `<IdleBanner>` takes the same as props. */
export interface UseIdleBannerOptions {
  /** Controlled open state. Omit it and the banner follows the idle phase. */
  open?: boolean;
  /**
   * Called when the banner wants to open or close: a timeout fired (true), the user came
   * back or the session ended (false), or a button was pressed (false). Called once per
   * change, never twice in a row with the same value; a banner that mounts while the idle
   * phase is already open (`timed_out`, `ending`) reports `true` on mount.
   */
  onOpenChange?: (open: boolean) => void;
  /** Override any visible string. */
  labels?: Partial<IdleBannerLabels>;
  /** Called before the banner's own `stillHere()`; `event.preventDefault()` skips it. */
  onStillHere?: (event: MouseEvent<HTMLButtonElement>) => void;
  /** Called before the banner's own `endSession()`; `event.preventDefault()` skips it. */
  onEndSession?: (event: MouseEvent<HTMLButtonElement>) => void;
  /** An explicit session instead of the provider's. */
  session?: RealtimeSession;
}

/** What {@link useIdleBanner} returns: state, resolved labels, actions and props for each part. */
export interface UseIdleBannerResult {
  state: IdleBannerState;
  labels: IdleBannerLabels;
  /** The user is back: resets the idle policy and closes the banner. */
  stillHere: () => void;
  /** End the session now. */
  endSession: () => void;
  /** The session the banner reads, for parts that need more (the countdown). */
  session: RealtimeSession;
  /**
   * Props of the live region: `role="status"`, `aria-live` polite (assertive in phase
   * `ending`), the `data-*` state attributes. `aria-labelledby` and `aria-describedby` are set only while the
   * element that got `titleProps` (resp. `descriptionProps`) is mounted, so they never point
   * at an id that is not in the page.
   */
  rootProps: HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string>;
  /** Spread on the title element; its `ref` tells the root that the title is there. */
  titleProps: HTMLAttributes<HTMLElement> & { id: string; ref: RefCallback<HTMLElement> };
  /** Spread on the description element; its `ref` tells the root that it is there. */
  descriptionProps: HTMLAttributes<HTMLElement> & { id: string; ref: RefCallback<HTMLElement> };
  stillHereButtonProps: ButtonHTMLAttributes<HTMLButtonElement>;
  endButtonProps: ButtonHTMLAttributes<HTMLButtonElement>;
  /** Resolve one label against the current state. */
  text: (key: Exclude<keyof IdleBannerLabels, 'countdown'>) => string;
}

/**
 * The headless idle banner: everything `<IdleBanner>` renders, as state and props, so a design
 * system can draw its own banner with the same behaviour.
 *
 * Opens when an idle timeout fired (`timed_out`) and during the grace countdown (`ending`),
 * closes when the user speaks, types or presses "I'm still here", and when the session ended.
 * Countdown ticking lives in `IdleBanner.Countdown` so the rest of the banner does not
 * re-render every second.
 *
 * @example
 * ```tsx
 * function MyBanner() {
 *   const { state, rootProps, titleProps, stillHereButtonProps, text } = useIdleBanner();
 *   if (!state.open) return <div {...rootProps} />;
 *   return (
 *     <div {...rootProps} className="my-banner">
 *       <strong {...titleProps}>{text('title')}</strong>
 *       <button {...stillHereButtonProps}>{text('stillHere')}</button>
 *     </div>
 *   );
 * }
 * ```
 */
export function useIdleBanner(options: UseIdleBannerOptions = {}): UseIdleBannerResult {
  const { open: controlledOpen, onOpenChange, onStillHere, onEndSession, session } = options;
  // Checked here first so that, without a session, the error names this hook rather than the
  // hooks it builds on.
  useRequiredSession(session, 'useIdleBanner');
  const idle = useIdleTimeout(session ? { session } : undefined);
  const { session: activeSession } = useRealtimeSession(session ? { session } : undefined);
  const policy = activeSession.getIdlePolicy();
  // A button reports `false` at once (as Radix does); the phase change it causes is not
  // reported again.
  const { open, requestOpenChange } = useControllableOpen({
    open: controlledOpen,
    naturalOpen: OPEN_PHASES.has(idle.phase),
    onOpenChange,
  });

  const { stillHere: idleStillHere, endSession: idleEndSession } = idle;
  const stillHere = useCallback(() => {
    idleStillHere();
    requestOpenChange(false);
  }, [idleStillHere, requestOpenChange]);
  const endSession = useCallback(() => {
    idleEndSession();
    requestOpenChange(false);
  }, [idleEndSession, requestOpenChange]);

  // Merging a handful of keys per render is cheaper than memoizing on an inline object.
  const labels: IdleBannerLabels = { ...defaultIdleBannerLabels, ...options.labels };

  const state: IdleBannerState = {
    open,
    phase: idle.phase,
    timeouts: idle.timeouts,
    idleMs: idle.last?.idleMs ?? null,
    source: idle.last?.source ?? null,
    endsAt: idle.endsAt,
    endGraceMs: policy.endGraceMs,
    maxTimeouts: policy.maxTimeouts,
  };

  const baseId = useId();
  const titleId = `${baseId}-title`;
  const descriptionId = `${baseId}-description`;
  const dataState = open ? 'open' : 'closed';
  // Which labelling parts are in the page, learnt from their refs (so it works for the parts
  // and for any element the headless hook's props are spread on).
  const [titleMounted, setTitleMounted] = useState(false);
  const [descriptionMounted, setDescriptionMounted] = useState(false);
  const titleRef = useCallback((node: HTMLElement | null) => setTitleMounted(node !== null), []);
  const descriptionRef = useCallback((node: HTMLElement | null) => setDescriptionMounted(node !== null), []);

  return {
    state,
    labels,
    stillHere,
    endSession,
    session: activeSession,
    rootProps: {
      role: 'status',
      // The session is about to end: worth interrupting what the screen reader is saying.
      'aria-live': idle.phase === 'ending' ? 'assertive' : 'polite',
      'aria-labelledby': open && titleMounted ? titleId : undefined,
      'aria-describedby': open && descriptionMounted ? descriptionId : undefined,
      'data-state': dataState,
      'data-phase': idle.phase,
      'data-timeouts': String(idle.timeouts),
    },
    titleProps: { id: titleId, ref: titleRef },
    descriptionProps: { id: descriptionId, ref: descriptionRef },
    // Composed Radix style: the user's handler first; `preventDefault()` skips ours.
    stillHereButtonProps: { type: 'button', onClick: composeEventHandlers(onStillHere, stillHere) },
    endButtonProps: { type: 'button', onClick: composeEventHandlers(onEndSession, endSession) },
    text: (key) => resolveLabel(labels[key], state),
  };
}
