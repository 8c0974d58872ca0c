import { createContext, forwardRef, useContext, useImperativeHandle, useRef } from 'react';
import type { ButtonHTMLAttributes, CSSProperties, FocusEvent, HTMLAttributes, ReactNode, RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect.ts';
import { useComposedRefs } from '../internal/composeRefs.ts';
import { resolveLabel } from '../internal/resolveLabel.ts';
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

/** `className` joined with the default class unless `unstyled`. */
function classes(unstyled: boolean, own: string, user: string | undefined): string | undefined {
  if (unstyled) return user || undefined;
  return user ? `${own} ${user}` : own;
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
 * Where focus goes when the banner closes with focus inside it (a button it just removed, or one
 * that `forceMount` hides): back to the element that had focus before focus entered the banner,
 * if it is still in the document and takes focus; otherwise the root itself, made focusable
 * (`tabindex="-1"`) only until focus leaves it. Radix Toast does the same with its viewport.
 */
function useRestoreFocusOnClose(rootRef: RefObject<HTMLDivElement | null>, open: boolean) {
  const returnFocusTo = useRef<HTMLElement | null>(null);
  // Set by <FocusWatch> while the DOM of the closing content is still there.
  const focusInsideAtClose = useRef(false);
  const addedTabIndex = useRef(false);
  const wasOpen = useRef(open);

  useIsomorphicLayoutEffect(() => {
    const root = rootRef.current;
    const closing = wasOpen.current && !open;
    wasOpen.current = open;
    const focusWasInside = focusInsideAtClose.current || Boolean(root?.contains(root.ownerDocument.activeElement));
    focusInsideAtClose.current = false;
    if (!closing || !root || !focusWasInside) return;
    const target = returnFocusTo.current;
    returnFocusTo.current = null;
    const doc = root.ownerDocument;
    if (target && target.isConnected && !root.contains(target)) {
      target.focus({ preventScroll: true });
      if (doc.activeElement === target) return;
    }
    if (!root.hasAttribute('tabindex')) {
      root.setAttribute('tabindex', '-1');
      addedTabIndex.current = true;
    }
    root.focus({ preventScroll: true });
  }, [open]);

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const root = event.currentTarget;
    const from = event.relatedTarget as HTMLElement | null;
    // Focus entering from outside: remember where it came from. Coming from nowhere (the page
    // body, which some environments report as the related target) leaves nothing to return to.
    if (!from || !root.contains(from)) {
      const doc = root.ownerDocument;
      const useful = from && from !== doc.body && from !== doc.documentElement && typeof from.focus === 'function';
      returnFocusTo.current = useful ? from : null;
    }
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    // The root is focusable only while it holds the focus it was given on close.
    if (event.target === event.currentTarget && addedTabIndex.current) {
      addedTabIndex.current = false;
      event.currentTarget.removeAttribute('tabindex');
    }
  };
  return { onFocus, onBlur, focusInsideAtClose };
}

/**
 * Wraps the open banner's content: its layout-effect cleanup runs before React removes the
 * content's DOM, so it can still see whether focus was inside.
 */
function FocusWatch({
  rootRef,
  focusInsideAtClose,
  children,
}: {
  rootRef: RefObject<HTMLDivElement | null>;
  focusInsideAtClose: { current: boolean };
  children: ReactNode;
}) {
  useIsomorphicLayoutEffect(
    () => () => {
      const root = rootRef.current;
      if (root?.contains(root.ownerDocument.activeElement)) focusInsideAtClose.current = true;
    },
    [rootRef, focusInsideAtClose],
  );
  return <>{children}</>;
}

const openContentStyle: CSSProperties = { display: 'contents' };

/** The children of a `forceMount` banner: laid out as if unwrapped while open; hidden and inert while closed. */
function ForceMounted({ open, unstyled, children }: { open: boolean; unstyled: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // `inert` through the DOM: React 18 does not know the attribute and React 19 reads `inert=""`
  // as false, so no prop value works in both.
  useIsomorphicLayoutEffect(() => {
    if (open) ref.current?.removeAttribute('inert');
    else ref.current?.setAttribute('inert', '');
  }, [open]);
  return (
    <div
      ref={ref}
      hidden={!open}
      style={open ? openContentStyle : undefined}
      className={unstyled ? undefined : 'rrk-idle-banner__content'}
    >
      {children}
    </div>
  );
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
        className={classes(unstyled, 'rrk-idle-banner', className)}
        onFocus={(event) => {
          onFocus?.(event);
          focus.onFocus(event);
        }}
        onBlur={(event) => {
          onBlur?.(event);
          focus.onBlur(event);
        }}
      >
        {forceMount ? (
          <ForceMounted open={banner.state.open} unstyled={unstyled}>
            {children}
          </ForceMounted>
        ) : banner.state.open ? (
          <FocusWatch rootRef={rootRef} focusInsideAtClose={focus.focusInsideAtClose}>
            {children}
          </FocusWatch>
        ) : null}
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
    <p {...rest} {...titleProps} ref={composedRef} className={classes(unstyled, 'rrk-idle-banner__title', className)}>
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
        className={classes(unstyled, 'rrk-idle-banner__description', className)}
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
      className={classes(unstyled, 'rrk-idle-banner__countdown', className)}
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
  const ownClick = own.onClick;
  return {
    ...rest,
    ...own,
    // Compose: the user's handler first; it can preventDefault() to skip ours.
    onClick: (event: Parameters<NonNullable<IdleBannerButtonProps['onClick']>>[0]) => {
      onClick?.(event);
      if (!event.defaultPrevented) ownClick?.(event);
    },
    'data-variant': part === 'StillHereButton' ? 'primary' : undefined,
    className: classes(unstyled, 'rrk-button rrk-idle-banner__button', className),
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
      <div className={unstyled ? undefined : 'rrk-idle-banner__actions'}>
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
