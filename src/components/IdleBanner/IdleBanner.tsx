import { createContext, forwardRef, useContext, useImperativeHandle, useRef } from 'react';
import type { ButtonHTMLAttributes, CSSProperties, HTMLAttributes, ReactNode } from 'react';
import { composeEventHandlers } from '../internal/composeEventHandlers.ts';
import { useComposedRefs } from '../internal/composeRefs.ts';
import { FocusWatch } from '../internal/FocusWatch.tsx';
import { kitClassName } from '../internal/kitClassName.ts';
import { Presence } from '../internal/Presence.tsx';
import { resolveLabel } from '../internal/resolveLabel.ts';
import { useRestoreFocusOnClose } from '../internal/useRestoreFocusOnClose.ts';
import { useIdleBanner } from './useIdleBanner.ts';
import type { IdleBannerCountdownState, UseIdleBannerOptions, UseIdleBannerResult } from './useIdleBanner.ts';
import { useIdleCountdown } from '../../react/index.ts';

interface IdleBannerContextValue {
  banner: UseIdleBannerResult;
  unstyled: boolean;
}

const IdleBannerContext = createContext<IdleBannerContextValue | null>(null);

function useIdleBannerContext(part: string): IdleBannerContextValue {
  const context = useContext(IdleBannerContext);
  if (!context) throw new Error(`<IdleBanner.${part}> must be rendered inside <IdleBanner.Root>.`);
  return context;
}

/** Props of {@link IdleBannerRoot}: the hook's options plus div attributes. */
export interface IdleBannerRootProps
  extends Omit<HTMLAttributes<HTMLDivElement>, 'children'>,
    UseIdleBannerOptions {
  /** Drop the default class names (and so the default theme). */
  unstyled?: boolean;
  /**
   * Keep the children mounted while closed, so their state and DOM survive between openings
   * (for animation libraries and transitions of your own). While closed they sit in a wrapper
   * `<div class="rrk-idle-banner__content">` that is `hidden` and `inert`: nothing in it can be
   * seen, focused, clicked or read out. To animate the exit, give
   * `.rrk-idle-banner__content[hidden]` a `display` of your own while the animation runs; it
   * stays inert. While open the wrapper is `display: contents`, so the layout is the same as
   * without `forceMount`.
   */
  forceMount?: boolean;
  children?: ReactNode;
}

/**
 * The banner's live region and state provider. It stays in the DOM while closed (empty), so
 * screen readers announce the banner when it opens. It is a `role="status"` region, announced
 * politely, and assertively (`aria-live="assertive"`) in phase `ending`, when the session is
 * about to end. Your own `role` and `aria-*` props win over these defaults. Carries
 * `data-state="open|closed"`, `data-phase` (the idle phase) and `data-timeouts` for styling;
 * these three always reflect the banner's state, while other `data-*` props pass through.
 *
 * When the banner closes with focus inside it (the user pressed one of its buttons, or the idle
 * phase closed it under their focus), focus returns to the element that had it before it
 * entered the banner, or else to the root (given `tabindex="-1"` until focus leaves it), never
 * to `<body>`.
 *
 * @example
 * ```tsx
 * <IdleBanner.Root className="my-banner">
 *   <IdleBanner.Title />
 *   <IdleBanner.StillHereButton />
 * </IdleBanner.Root>
 * ```
 */
export const IdleBannerRoot = forwardRef<HTMLDivElement, IdleBannerRootProps>(function IdleBannerRoot(props, ref) {
  const {
    open,
    onOpenChange,
    labels,
    onStillHere,
    onEndSession,
    session,
    unstyled = false,
    forceMount = false,
    className,
    children,
    onFocus,
    onBlur,
    ...divProps
  } = props;
  const banner = useIdleBanner({ open, onOpenChange, labels, onStillHere, onEndSession, session });
  const rootRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => rootRef.current as HTMLDivElement, []);
  const focus = useRestoreFocusOnClose(rootRef, banner.state.open);
  return (
    <IdleBannerContext.Provider value={{ banner, unstyled }}>
      <div
        {...banner.rootProps}
        // The user's props win, `role` and `aria-*` included; the state attributes stay ours.
        {...divProps}
        data-state={banner.rootProps['data-state']}
        data-phase={banner.rootProps['data-phase']}
        data-timeouts={banner.rootProps['data-timeouts']}
        ref={rootRef}
        className={kitClassName(unstyled, 'rrk-idle-banner', className)}
        // Focus bookkeeping runs whatever the user's handlers do: it is not a default to prevent.
        onFocus={composeEventHandlers(onFocus, focus.onFocus, { checkForDefaultPrevented: false })}
        onBlur={composeEventHandlers(onBlur, focus.onBlur, { checkForDefaultPrevented: false })}
      >
        <Presence
          present={banner.state.open}
          forceMount={forceMount}
          wrapperClassName={kitClassName(unstyled, 'rrk-idle-banner__content')}
        >
          <FocusWatch rootRef={rootRef} focusInsideAtClose={focus.focusInsideAtClose}>
            {children}
          </FocusWatch>
        </Presence>
      </div>
    </IdleBannerContext.Provider>
  );
});

/** Props of a text part: any element attributes; children replace the label. */
export type IdleBannerTextProps = HTMLAttributes<HTMLElement>;

/**
 * The banner's title (default "Are you still there?", from `labels.title`).
 *
 * @example
 * ```tsx
 * <IdleBanner.Title>Hello?</IdleBanner.Title>
 * ```
 */
export const IdleBannerTitle = forwardRef<HTMLParagraphElement, IdleBannerTextProps>(function IdleBannerTitle(
  { className, children, ...rest },
  ref,
) {
  const { banner, unstyled } = useIdleBannerContext('Title');
  const { ref: ownRef, ...titleProps } = banner.titleProps;
  const composedRef = useComposedRefs(ownRef, ref);
  return (
    <p {...rest} {...titleProps} ref={composedRef} className={kitClassName(unstyled, 'rrk-idle-banner__title', className)}>
      {children ?? banner.text('title')}
    </p>
  );
});

/**
 * The explanation under the title, which by default names the number of re-prompts.
 *
 * @example
 * ```tsx
 * <IdleBanner.Description />
 * ```
 */
export const IdleBannerDescription = forwardRef<HTMLParagraphElement, IdleBannerTextProps>(
  function IdleBannerDescription({ className, children, ...rest }, ref) {
    const { banner, unstyled } = useIdleBannerContext('Description');
    const { ref: ownRef, ...descriptionProps } = banner.descriptionProps;
    const composedRef = useComposedRefs(ownRef, ref);
    return (
      <p
        {...rest}
        {...descriptionProps}
        ref={composedRef}
        className={kitClassName(unstyled, 'rrk-idle-banner__description', className)}
      >
        {children ?? banner.text('description')}
      </p>
    );
  },
);

/** Props of {@link IdleBannerCountdown}. */
export interface IdleBannerCountdownProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  /** Custom content from the live countdown state. */
  children?: (countdown: IdleBannerCountdownState) => ReactNode;
}

/**
 * The time left before the session ends automatically. Renders only in phase `ending`. It
 * ticks on its own, so nothing else re-renders every second; it is a `role="timer"`, which
 * screen readers do not announce on every tick. Sets `--rrk-idle-countdown-progress` (1 to 0).
 *
 * @example
 * ```tsx
 * <IdleBanner.Countdown>{({ secondsLeft }) => `${secondsLeft}…`}</IdleBanner.Countdown>
 * ```
 */
export const IdleBannerCountdown = forwardRef<HTMLSpanElement, IdleBannerCountdownProps>(function IdleBannerCountdown(
  { className, children, style, ...rest },
  ref,
) {
  const { banner, unstyled } = useIdleBannerContext('Countdown');
  // Ticks on the session clock in this part only; the rest of the banner does not re-render.
  const remainingMs = useIdleCountdown({ target: 'endsAt', session: banner.session, intervalMs: 1000 });
  if (remainingMs === null || banner.state.phase !== 'ending') return null;
  const secondsLeft = Math.ceil(remainingMs / 1000);
  const state: IdleBannerCountdownState = { ...banner.state, remainingMs, secondsLeft };
  const progress = Math.min(1, remainingMs / Math.max(1, banner.state.endGraceMs));
  const progressStyle = { ...style, '--rrk-idle-countdown-progress': String(progress) } as CSSProperties;
  return (
    <span
      role="timer"
      aria-live="off"
      {...rest}
      ref={ref}
      data-seconds-left={secondsLeft}
      style={progressStyle}
      className={kitClassName(unstyled, 'rrk-idle-banner__countdown', className)}
    >
      {children ? children(state) : resolveLabel(banner.labels.countdown, state)}
    </span>
  );
});

/** Props of the two buttons; `onClick` runs first and may `preventDefault()`. */
export type IdleBannerButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

function useButtonProps(
  part: 'StillHereButton' | 'EndButton',
  { className, children, onClick, ...rest }: IdleBannerButtonProps,
) {
  const { banner, unstyled } = useIdleBannerContext(part);
  const own = part === 'StillHereButton' ? banner.stillHereButtonProps : banner.endButtonProps;
  return {
    ...rest,
    ...own,
    // The user's handler first; it can preventDefault() to skip ours.
    onClick: composeEventHandlers(onClick, own.onClick),
    'data-variant': part === 'StillHereButton' ? 'primary' : undefined,
    className: kitClassName(unstyled, 'rrk-button rrk-idle-banner__button', className),
    children: children ?? banner.text(part === 'StillHereButton' ? 'stillHere' : 'end'),
  };
}

/**
 * "I'm still here": calls `stillHere()` (resets the count, cancels a pending end) and closes.
 *
 * @example
 * ```tsx
 * <IdleBanner.StillHereButton onClick={() => analytics.track('still_here')} />
 * ```
 */
export const IdleBannerStillHereButton = forwardRef<HTMLButtonElement, IdleBannerButtonProps>(
  function IdleBannerStillHereButton(props, ref) {
    return <button {...useButtonProps('StillHereButton', props)} ref={ref} />;
  },
);

/**
 * "End session": ends the session now. `preventDefault()` in `onClick` to confirm first.
 *
 * @example
 * ```tsx
 * <IdleBanner.EndButton onClick={(e) => { if (!confirm('End?')) e.preventDefault(); }} />
 * ```
 */
export const IdleBannerEndButton = forwardRef<HTMLButtonElement, IdleBannerButtonProps>(function IdleBannerEndButton(
  props,
  ref,
) {
  return <button {...useButtonProps('EndButton', props)} ref={ref} />;
});

/**
 * Props of the composed {@link IdleBanner}: the root's props plus an optional render function.
 */
export interface IdleBannerProps extends Omit<IdleBannerRootProps, 'children'> {
  /**
   * Replace the default layout. Receives the headless banner; render parts inside to keep
   * their behaviour. Rendered only while open.
   */
  render?: (banner: UseIdleBannerResult) => ReactNode;
  /** Show the countdown to the automatic end (default true). */
  showCountdown?: boolean;
  /** Custom parts inside the default root, instead of the default layout. */
  children?: ReactNode;
}

function IdleBannerRenderer({ render }: { render: (banner: UseIdleBannerResult) => ReactNode }) {
  const { banner } = useIdleBannerContext('render');
  return <>{render(banner)}</>;
}

function IdleBannerDefaultLayout({ showCountdown }: { showCountdown: boolean }) {
  const { unstyled } = useIdleBannerContext('Root');
  return (
    <>
      <IdleBannerTitle />
      <IdleBannerDescription />
      {showCountdown ? <IdleBannerCountdown /> : null}
      <div className={kitClassName(unstyled, 'rrk-idle-banner__actions')}>
        <IdleBannerStillHereButton />
        <IdleBannerEndButton />
      </div>
    </>
  );
}

const IdleBannerComposed = forwardRef<HTMLDivElement, IdleBannerProps>(function IdleBanner(
  { render, showCountdown = true, children, ...rootProps },
  ref,
) {
  return (
    <IdleBannerRoot {...rootProps} ref={ref}>
      {render ? (
        <IdleBannerRenderer render={render} />
      ) : (
        (children ?? <IdleBannerDefaultLayout showCountdown={showCountdown} />)
      )}
    </IdleBannerRoot>
  );
});

IdleBannerComposed.displayName = 'IdleBanner';

/**
 * Tells the user they went quiet, counts down to the automatic end of the session, and lets
 * them say "I'm still here". Use it as is, restyle it with CSS variables or `className`,
 * translate it with `labels`, or build your own from its parts or `useIdleBanner()`.
 *
 * @example
 * ```tsx
 * <RealtimeProvider session={session}>
 *   <IdleBanner />
 *   <IdleBanner labels={{ title: 'Bist du noch da?', stillHere: 'Ich bin noch da', end: 'Beenden' }} />
 *   <IdleBanner.Root>
 *     <IdleBanner.Title />
 *     <IdleBanner.Countdown />
 *     <IdleBanner.StillHereButton />
 *   </IdleBanner.Root>
 * </RealtimeProvider>
 * ```
 */
export const IdleBanner = Object.assign(IdleBannerComposed, {
  Root: IdleBannerRoot,
  Title: IdleBannerTitle,
  Description: IdleBannerDescription,
  Countdown: IdleBannerCountdown,
  StillHereButton: IdleBannerStillHereButton,
  EndButton: IdleBannerEndButton,
});
