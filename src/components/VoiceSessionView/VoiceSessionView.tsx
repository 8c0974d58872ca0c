import { Fragment, forwardRef, useId } from 'react';
import type { HTMLAttributes, ReactNode } from 'react';
import type { RealtimeSession } from '../../core/session/types.ts';
import { AudioVisualizer } from '../AudioVisualizer/index.ts';
import type { AudioVisualizerProps } from '../AudioVisualizer/index.ts';
import { ConnectionIndicator } from '../ConnectionIndicator/index.ts';
import type { ConnectionIndicatorProps } from '../ConnectionIndicator/index.ts';
import { IdleBanner } from '../IdleBanner/index.ts';
import type { IdleBannerProps } from '../IdleBanner/index.ts';
import { kitClassName } from '../internal/kitClassName.ts';
import { MessageComposer } from '../MessageComposer/index.ts';
import type { MessageComposerProps } from '../MessageComposer/index.ts';
import { MicrophoneSelect } from '../MicrophoneSelect/index.ts';
import type { MicrophoneSelectProps } from '../MicrophoneSelect/index.ts';
import { SessionControls } from '../SessionControls/index.ts';
import { ToolApproval } from '../ToolApproval/index.ts';
import type { ToolApprovalProps } from '../ToolApproval/index.ts';
import type { SessionControlsProps } from '../SessionControls/index.ts';
import { TranscriptView } from '../TranscriptView/index.ts';
import type { TranscriptViewProps } from '../TranscriptView/index.ts';
import { AgentStateCaption } from './AgentStateCaption.tsx';
import { joinClassNames, renderPart } from './renderPart.tsx';
import type { VoiceSessionViewPart } from './renderPart.tsx';
import { resolveVoiceSessionViewLabels } from './voiceSessionViewLabels.ts';
import type { VoiceSessionViewLabelOverrides } from './voiceSessionViewLabels.ts';

/**
 * The named areas of {@link VoiceSessionView}, for `classNames`: the layout's boxes (`header`,
 * `stage`, `dock`, `conversation`) and the parts in them.
 *
 * @example
 * ```tsx
 * const area: VoiceSessionViewArea = 'transcript';
 * ```
 */
export type VoiceSessionViewArea =
  | 'layout'
  | 'header'
  | 'title'
  | 'status'
  | 'stage'
  | 'visualizer'
  | 'caption'
  | 'dock'
  | 'controls'
  | 'microphone'
  | 'conversation'
  | 'transcript'
  | 'approvals'
  | 'banner'
  | 'composer';

/** Props of {@link VoiceSessionView}. */
export interface VoiceSessionViewProps extends Omit<HTMLAttributes<HTMLElement>, 'children' | 'title'> {
  /** The heading at the top (it also names the view); none by default. */
  title?: ReactNode;
  /** The heading's level, 1 to 6 (default 2). */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Replace the whole header (title and status) with your own content; `false` or `null` hides it. */
  header?: ReactNode;
  /** The assistant's presence: {@link AudioVisualizer}, `look="orb"` by default. */
  visualizer?: VoiceSessionViewPart<AudioVisualizerProps>;
  /** The agent state in words under the visualizer ("Listening", "Thinking…"). */
  caption?: VoiceSessionViewPart<HTMLAttributes<HTMLParagraphElement>>;
  /** The conversation: {@link TranscriptView}. */
  transcript?: VoiceSessionViewPart<TranscriptViewProps>;
  /**
   * Remote MCP tools asking before they run: {@link ToolApproval}, right under the transcript.
   * Takes no room while nothing is pending.
   */
  approvals?: VoiceSessionViewPart<ToolApprovalProps>;
  /** "Are you still there?": {@link IdleBanner}, between the conversation and the composer. */
  banner?: VoiceSessionViewPart<IdleBannerProps>;
  /** Typing to the assistant: {@link MessageComposer}. */
  composer?: VoiceSessionViewPart<MessageComposerProps>;
  /** Start, mute and end, with icons: {@link SessionControls}. */
  controls?: VoiceSessionViewPart<SessionControlsProps>;
  /** The microphone picker: {@link MicrophoneSelect}. */
  microphone?: VoiceSessionViewPart<MicrophoneSelectProps>;
  /** The connection status in the header: {@link ConnectionIndicator}. */
  status?: VoiceSessionViewPart<ConnectionIndicatorProps>;
  /** Extra class names per area, added to the kit's (and kept when `unstyled`). */
  classNames?: Partial<Record<VoiceSessionViewArea, string>>;
  /** The view's own strings (each part has its own `labels`). */
  labels?: VoiceSessionViewLabelOverrides;
  /** Drop every default class name, the parts' included (and so the whole default theme). */
  unstyled?: boolean;
  /** An explicit session instead of the provider's, given to every default part. */
  session?: RealtimeSession;
  /** Extra content, after the conversation. */
  children?: ReactNode;
}

/**
 * The whole voice page in one component: a header with the title and the connection status;
 * the stage, with the visualizer and the agent state in words; the dock, with the session
 * controls (icons) and the microphone picker; and the conversation, with the transcript, the
 * remote MCP tool approvals and the idle banner right under its latest turn (where the user's
 * eyes are), and the composer.
 *
 * Every part can go or be swapped: each part prop takes `false` (hide it), an element (yours,
 * in its place) or props for the default part. `classNames` adds classes per area, `unstyled`
 * drops the kit's classes everywhere. The layout is one column on a phone and two (stage and
 * dock beside the conversation) from 44rem of width, by a container query, so it follows the
 * space it is given, not the window. Style it with the `--rrk-voice-session-*` variables.
 *
 * The view renders only when its props change: each part subscribes to what it shows.
 *
 * @example
 * ```tsx
 * <RealtimeProvider transport={transport}>
 *   <VoiceSessionView
 *     title="Travel assistant"
 *     visualizer={{ look: 'bars', bands: 7 }}
 *     microphone={false}
 *     composer={{ labels: { placeholder: 'Ask about your trip…' } }}
 *     classNames={{ transcript: 'my-transcript' }}
 *   />
 * </RealtimeProvider>
 * ```
 */
export const VoiceSessionView = forwardRef<HTMLElement, VoiceSessionViewProps>(function VoiceSessionView(
  {
    title,
    headingLevel = 2,
    header,
    visualizer,
    caption,
    transcript,
    approvals,
    banner,
    composer,
    controls,
    microphone,
    status,
    classNames,
    labels: labelOverrides,
    unstyled = false,
    session,
    children,
    className,
    ...rest
  },
  ref,
) {
  const titleId = useId();
  const labels = resolveVoiceSessionViewLabels(labelOverrides);
  const area = (name: VoiceSessionViewArea, ownClassName?: string) =>
    joinClassNames(kitClassName(unstyled, `rrk-voice-session__${name}`), classNames?.[name], ownClassName);
  // What every default part gets; the part's own props win.
  const shared = session ? { unstyled, session } : { unstyled };
  const Heading = `h${headingLevel}` as const;
  const hasTitle = title !== undefined && title !== null && title !== false;

  const statusNode = renderPart(status, (props) => (
    <ConnectionIndicator {...shared} {...props} className={area('status', props.className)} />
  ));
  const headerContent =
    header !== undefined ? (
      header
    ) : hasTitle || statusNode ? (
      <>
        {hasTitle ? (
          <Heading id={titleId} className={area('title')}>
            {title}
          </Heading>
        ) : null}
        {statusNode}
      </>
    ) : null;

  const stage = [
    renderPart(visualizer, (props) => (
      <AudioVisualizer look="orb" {...shared} {...props} className={area('visualizer', props.className)} />
    )),
    renderPart(caption, (props) => (
      <AgentStateCaption
        labels={labels.states}
        session={session}
        {...props}
        className={area('caption', props.className)}
      />
    )),
  ];
  const dock = [
    renderPart(controls, (props) => (
      <SessionControls {...shared} {...props} className={area('controls', props.className)} />
    )),
    renderPart(microphone, (props) => (
      <MicrophoneSelect {...shared} {...props} className={area('microphone', props.className)} />
    )),
  ];
  const conversation = [
    renderPart(transcript, (props) => (
      <TranscriptView {...shared} {...props} className={area('transcript', props.className)} />
    )),
    renderPart(approvals, (props) => (
      <ToolApproval {...shared} {...props} className={area('approvals', props.className)} />
    )),
    renderPart(banner, (props) => (
      <IdleBanner {...shared} {...props} className={area('banner', props.className)} />
    )),
    renderPart(composer, (props) => (
      <MessageComposer {...shared} {...props} className={area('composer', props.className)} />
    )),
  ];
  // Keyed by slot, so an element of the user's needs no key and keeps its state across renders.
  const box = (name: VoiceSessionViewArea, nodes: ReactNode[]) =>
    nodes.some((node) => node !== null && node !== undefined) ? (
      <div className={area(name)}>
        {nodes.map((node, slot) => (
          <Fragment key={slot}>{node}</Fragment>
        ))}
      </div>
    ) : null;

  return (
    <section
      aria-labelledby={hasTitle && header === undefined ? titleId : undefined}
      aria-label={hasTitle && header === undefined ? undefined : labels.region}
      {...rest}
      ref={ref}
      className={joinClassNames(kitClassName(unstyled, 'rrk-voice-session'), className)}
    >
      {/* The root is the container its layout queries, so the grid is one level in. */}
      <div className={area('layout')}>
        {headerContent === null || headerContent === undefined || headerContent === false ? null : (
          <header className={area('header')}>{headerContent}</header>
        )}
        {box('stage', stage)}
        {box('dock', dock)}
        {box('conversation', conversation)}
        {children}
      </div>
    </section>
  );
});
