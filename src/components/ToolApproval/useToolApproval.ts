import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ButtonHTMLAttributes, CSSProperties, HTMLAttributes, MouseEvent } from 'react';
import type { McpApprovalRequest, RealtimeSession } from '../../core/session/types.ts';
import { useApprovalRequests } from '../../react/index.ts';
import { useRequiredSession } from '../../react/useRequiredSession.ts';
import { composeEventHandlers } from '../internal/composeEventHandlers.ts';
import { resolveLabel } from '../internal/resolveLabel.ts';
import { formatToolArguments } from './formatToolArguments.ts';
import type { FormattedToolArguments } from './formatToolArguments.ts';
import { defaultToolApprovalLabels } from './toolApprovalLabels.ts';
import type { ToolApprovalLabels, ToolApprovalState } from './toolApprovalLabels.ts';

/** What the user decided, given to `onRespond`. */
export interface ToolApprovalDecision {
  request: McpApprovalRequest;
  approve: boolean;
}

/** Options of {@link useToolApproval}; `<ToolApproval>` takes the same as props. */
export interface UseToolApprovalOptions {
  /** Override any string. */
  labels?: Partial<ToolApprovalLabels>;
  /**
   * Show this request (while it is pending) instead of the oldest one: for a list of prompts,
   * one per request. Only this one is then announced.
   */
  request?: McpApprovalRequest;
  /**
   * Runs when a button is pressed, before the answer is sent; `event.preventDefault()` keeps
   * the answer from being sent (to confirm first, or to answer with a reason of your own).
   */
  onRespond?: (event: MouseEvent<HTMLButtonElement>, decision: ToolApprovalDecision) => void;
  /** An explicit session instead of the provider's. */
  session?: RealtimeSession;
}

/** What {@link useToolApproval} returns: state, text, actions, and props for each element. */
export interface UseToolApprovalResult {
  /** The request shown, its position and the count; null when none is pending. */
  state: ToolApprovalState | null;
  labels: ToolApprovalLabels;
  /** The shown request's arguments, readable (indented JSON, or the text as sent). */
  formattedArguments: FormattedToolArguments | null;
  /** Approve the shown request. */
  approve: () => void;
  /** Deny the shown request, optionally saying why. */
  deny: (reason?: string) => void;
  /** The live announcement: the newest request's, once; null before any (or once it left). */
  announcement: { id: string; text: string } | null;
  /** The root: `data-state="open|closed"` and `data-count`. */
  rootProps: HTMLAttributes<HTMLElement> & { 'data-state': 'open' | 'closed'; 'data-count': string };
  /**
   * The polite live region, visually hidden (by inline style, so it stays hidden `unstyled`).
   * Keep it mounted, empty, while nothing is pending: a region added with its text is not
   * announced reliably.
   */
  announcerProps: HTMLAttributes<HTMLElement>;
  /** The prompt: a `group` named by the title and described by the server line, focusable by script. */
  requestProps: HTMLAttributes<HTMLElement> & { 'data-request-id': string | undefined };
  titleProps: { id: string };
  serverProps: { id: string };
  argumentsLabelProps: { id: string };
  /** The arguments' box: a focusable group (it scrolls, so keyboards must reach it), named "Arguments". */
  argumentsProps: HTMLAttributes<HTMLElement> & { 'data-format': 'json' | 'text' };
  approveButtonProps: ButtonHTMLAttributes<HTMLButtonElement>;
  denyButtonProps: ButtonHTMLAttributes<HTMLButtonElement>;
  /** Resolve one label for the shown request ('' when none is shown). */
  text: (key: keyof ToolApprovalLabels) => string;
}

const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

/**
 * The headless tool approval prompt: everything `<ToolApproval>` renders, as state and props.
 * It shows one pending remote MCP request at a time, the oldest first (or the `request`
 * given), and announces each new request once, politely.
 *
 * A double click answers once: the second click of a double click (`event.detail > 1`) is
 * ignored, so it cannot land on the next request's button.
 *
 * @example
 * ```tsx
 * function MyApproval() {
 *   const approval = useToolApproval();
 *   return (
 *     <div {...approval.rootProps}>
 *       <p {...approval.announcerProps}>{approval.announcement?.text}</p>
 *       {approval.state ? (
 *         <div {...approval.requestProps}>
 *           <strong {...approval.titleProps}>{approval.text('title')}</strong>
 *           <pre {...approval.argumentsProps}>{approval.formattedArguments?.text}</pre>
 *           <button {...approval.approveButtonProps}>{approval.text('approve')}</button>
 *           <button {...approval.denyButtonProps}>{approval.text('deny')}</button>
 *         </div>
 *       ) : null}
 *     </div>
 *   );
 * }
 * ```
 */
export function useToolApproval(options: UseToolApprovalOptions = {}): UseToolApprovalResult {
  const { request: wanted, onRespond, session } = options;
  // Checked here first so that, without a session, the error names this hook.
  useRequiredSession(session, 'useToolApproval');
  const { approvals, respond } = useApprovalRequests(session ? { session } : undefined);

  const index = wanted ? approvals.findIndex((request) => request.id === wanted.id) : approvals.length > 0 ? 0 : -1;
  const request = index >= 0 ? approvals[index]! : null;
  const state: ToolApprovalState | null = request ? { request, position: index + 1, count: approvals.length } : null;
  const labels: ToolApprovalLabels = { ...defaultToolApprovalLabels, ...options.labels };
  const text = (key: keyof ToolApprovalLabels): string => {
    if (!state) return '';
    // The default names start with the button's own text, translated or not, so a speech user
    // can say what they see ("Allow", when `approve` is "Allow").
    if (key === 'approveName' && labels.approveName === defaultToolApprovalLabels.approveName) {
      return `${resolveLabel(labels.approve, state)} ${state.request.name || 'the tool'}`;
    }
    if (key === 'denyName' && labels.denyName === defaultToolApprovalLabels.denyName) {
      return `${resolveLabel(labels.deny, state)} ${state.request.name || 'the tool'}`;
    }
    return resolveLabel(labels[key], state);
  };

  // Formatting huge arguments is not free: once per request.
  const args = request?.arguments;
  const formattedArguments = useMemo(() => (args === undefined ? null : formatToolArguments(args)), [args]);

  const showsOne = wanted !== undefined;
  const candidates = useMemo(() => (showsOne ? (request ? [request] : []) : approvals), [showsOne, request, approvals]);
  const announcement = useAnnouncement(candidates, approvals, labels.announcement);

  const baseId = useId();
  const titleId = `${baseId}-title`;
  const serverId = `${baseId}-server`;
  const argumentsLabelId = `${baseId}-arguments`;

  const answer = (approve: boolean) => (event: MouseEvent<HTMLButtonElement>) => {
    // The second click of a double click would land on the next request's button.
    if (!request || event.detail > 1) return;
    composeEventHandlers<MouseEvent<HTMLButtonElement>>(
      (e) => onRespond?.(e, { request, approve }),
      () => respond(request.id, approve),
    )(event);
  };

  return {
    state,
    labels,
    formattedArguments,
    approve: () => {
      if (request) respond(request.id, true);
    },
    deny: (reason) => {
      if (request) respond(request.id, false, reason);
    },
    announcement,
    rootProps: { 'data-state': request ? 'open' : 'closed', 'data-count': String(approvals.length) },
    announcerProps: { role: 'status', 'aria-live': 'polite', 'aria-atomic': true, style: VISUALLY_HIDDEN },
    requestProps: {
      role: 'group',
      'aria-labelledby': titleId,
      'aria-describedby': serverId,
      tabIndex: -1,
      'data-request-id': request?.id,
    },
    titleProps: { id: titleId },
    serverProps: { id: serverId },
    argumentsLabelProps: { id: argumentsLabelId },
    argumentsProps: {
      role: 'group',
      'aria-labelledby': argumentsLabelId,
      tabIndex: 0,
      'data-format': formattedArguments?.json ? 'json' : 'text',
    },
    approveButtonProps: { type: 'button', onClick: answer(true), 'aria-label': text('approveName') },
    denyButtonProps: { type: 'button', onClick: answer(false), 'aria-label': text('denyName') },
    text,
  };
}

/**
 * Announce each request once, when it arrives: the newest among those not yet announced. The
 * text stays until its request leaves (then the region empties, which is not announced).
 */
function useAnnouncement(
  candidates: readonly McpApprovalRequest[],
  approvals: readonly McpApprovalRequest[],
  label: ToolApprovalLabels['announcement'],
): { id: string; text: string } | null {
  const [announcement, setAnnouncement] = useState<{ id: string; text: string } | null>(null);
  const announced = useRef(new Set<string>());
  // The label may be a new function each render: the effect reads the latest.
  const labelRef = useRef(label);
  useEffect(() => {
    labelRef.current = label;
  });
  useEffect(() => {
    let newest: McpApprovalRequest | undefined;
    for (const request of candidates) {
      if (announced.current.has(request.id)) continue;
      announced.current.add(request.id);
      newest = request;
    }
    // Forget requests that left, so the set stays as small as the list.
    const pending = new Set(candidates.map((request) => request.id));
    for (const id of announced.current) if (!pending.has(id)) announced.current.delete(id);
    if (newest) {
      const state = { request: newest, position: approvals.indexOf(newest) + 1, count: approvals.length };
      setAnnouncement({ id: newest.id, text: resolveLabel(labelRef.current, state) });
    } else {
      setAnnouncement((current) => (current && !pending.has(current.id) ? null : current));
    }
  }, [candidates, approvals]);
  return announcement;
}
