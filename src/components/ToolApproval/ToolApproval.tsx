import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { HTMLAttributes, ReactNode, RefObject } from 'react';
import { composeEventHandlers } from '../internal/composeEventHandlers.ts';
import { FocusWatch } from '../internal/FocusWatch.tsx';
import { kitClassName } from '../internal/kitClassName.ts';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect.ts';
import { useRestoreFocusOnClose } from '../internal/useRestoreFocusOnClose.ts';
import { useToolApproval } from './useToolApproval.ts';
import type { UseToolApprovalOptions } from './useToolApproval.ts';

/** Props of {@link ToolApproval}: the hook's options plus div attributes. */
export interface ToolApprovalProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'>, UseToolApprovalOptions {
  /** Drop the default class names (and so the default theme). */
  unstyled?: boolean;
}

/**
 * Sets `flagRef` when the content it wraps unmounts with focus inside `root`: the prompt of an
 * answered request is gone by the time the next one's effects run, and so is the focus.
 */
function RequestFocusWatch({
  rootRef,
  flagRef,
  children,
}: {
  rootRef: RefObject<HTMLElement | null>;
  flagRef: { current: boolean };
  children: ReactNode;
}) {
  useIsomorphicLayoutEffect(
    () => () => {
      const root = rootRef.current;
      if (root?.contains(root.ownerDocument.activeElement)) flagRef.current = true;
    },
    [rootRef, flagRef],
  );
  // StrictMode rehearses an unmount right after mounting: the cleanup above then saw focus in
  // this prompt, which is not leaving. A passive effect runs after that rehearsal (and after the
  // layout effect that reads the flag on a real change of prompt): forget what it saw.
  useEffect(() => {
    flagRef.current = false;
  }, [flagRef]);
  return <>{children}</>;
}

/**
 * Asks the user before a remote MCP tool runs (an `mcp_approval_request`): the tool, the MCP
 * server, the arguments as text (indented JSON when they are JSON, in a scrolling box, never
 * HTML), and Approve and Deny buttons named with the tool. Several pending: one at a time, the
 * oldest first, with "1 of 3" (each answer deserves its own look; a list invites approving in
 * bulk). Nothing is shown while none is pending.
 *
 * Accessibility: each new request is announced once, politely, and never takes the focus. The
 * prompt is a `group` named by its question. After an answer given from inside the prompt,
 * focus moves to the next request's prompt (not to its Approve button, where a repeated key
 * would answer it too), or, when none is left, back to where it was before it entered.
 *
 * Carries `data-state="open|closed"` and `data-count` for styling; a thin shell over
 * {@link useToolApproval}.
 *
 * @example
 * ```tsx
 * <RealtimeProvider session={session}>
 *   <TranscriptView />
 *   <ToolApproval
 *     labels={{ approve: 'Allow', deny: 'Block' }}
 *     onRespond={(_event, { request, approve }) => analytics.track('mcp_approval', { tool: request.name, approve })}
 *   />
 * </RealtimeProvider>
 * ```
 */
export const ToolApproval = forwardRef<HTMLDivElement, ToolApprovalProps>(function ToolApproval(props, ref) {
  const { labels, request, onRespond, session, unstyled = false, className, onFocus, onBlur, ...divProps } = props;
  const approval = useToolApproval({ labels, request, onRespond, session });
  const { state, formattedArguments } = approval;
  const rootRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => rootRef.current as HTMLDivElement, []);
  const focus = useRestoreFocusOnClose(rootRef, state !== null);
  const promptRef = useRef<HTMLDivElement>(null);
  const focusLeftWithPrompt = useRef(false);
  const movingFocus = useRef(false);
  const shownId = state?.request.id;
  useIsomorphicLayoutEffect(() => {
    const moveFocus = focusLeftWithPrompt.current;
    focusLeftWithPrompt.current = false;
    // Only when the focus was in the prompt that went: an arriving request never takes it. And
    // only if it is still lost: StrictMode's rehearsed unmount of a focused prompt sets the flag
    // too, and the user may be typing elsewhere by the time that prompt really leaves.
    const active = rootRef.current?.ownerDocument.activeElement;
    const lost = !active || active === active.ownerDocument.body || rootRef.current?.contains(active);
    if (!moveFocus || !promptRef.current || !lost) return;
    // Focus comes back from <body> here: that must not erase where it first came from.
    movingFocus.current = true;
    try {
      promptRef.current.focus({ preventScroll: true });
    } finally {
      movingFocus.current = false;
    }
  }, [shownId]);
  const part = (name: string) => kitClassName(unstyled, `rrk-tool-approval__${name}`);

  return (
    <div
      {...approval.rootProps}
      {...divProps}
      data-state={approval.rootProps['data-state']}
      data-count={approval.rootProps['data-count']}
      ref={rootRef}
      className={kitClassName(unstyled, 'rrk-tool-approval', className)}
      // Focus bookkeeping runs whatever the user's handler does: it is not a default to prevent.
      onFocus={(event) => {
        try {
          onFocus?.(event);
        } finally {
          if (!movingFocus.current) focus.onFocus(event);
        }
      }}
      onBlur={composeEventHandlers(onBlur, focus.onBlur, { checkForDefaultPrevented: false })}
    >
      <p {...approval.announcerProps}>
        {/* Keyed: a new request's text is a new node, announced even when it reads the same. */}
        {approval.announcement ? <span key={approval.announcement.id}>{approval.announcement.text}</span> : null}
      </p>
      {state ? (
        <FocusWatch rootRef={rootRef} focusInsideAtClose={focus.focusInsideAtClose}>
          <RequestFocusWatch key={state.request.id} rootRef={rootRef} flagRef={focusLeftWithPrompt}>
            <div {...approval.requestProps} ref={promptRef} className={part('request')}>
              <div className={part('header')}>
                <p {...approval.titleProps} className={part('title')}>
                  {approval.text('title')}
                </p>
                {state.count > 1 ? <p className={part('position')}>{approval.text('position')}</p> : null}
              </div>
              <p {...approval.serverProps} className={part('server')}>
                {approval.text('server')}
              </p>
              <p {...approval.argumentsLabelProps} className={part('arguments-label')}>
                {approval.text('arguments')}
              </p>
              {formattedArguments && formattedArguments.text !== '' ? (
                <pre {...approval.argumentsProps} className={part('arguments')}>
                  {formattedArguments.text}
                </pre>
              ) : (
                <p className={part('no-arguments')}>{approval.text('noArguments')}</p>
              )}
              <div className={part('actions')}>
                <button {...approval.approveButtonProps} data-variant="primary" className={kitClassName(unstyled, 'rrk-button rrk-tool-approval__approve')}>
                  {approval.text('approve')}
                </button>
                <button {...approval.denyButtonProps} className={kitClassName(unstyled, 'rrk-button rrk-tool-approval__deny')}>
                  {approval.text('deny')}
                </button>
              </div>
            </div>
          </RequestFocusWatch>
        </FocusWatch>
      ) : null}
    </div>
  );
});

ToolApproval.displayName = 'ToolApproval';
