/**
 * The pages `npm run size` measures: each is the import list of a page, re-exported so that the
 * bundler keeps exactly what the page uses. The kit's pages are the issue's; each peer's is what
 * its own docs show for a browser voice page, transport included.
 */
import type { KitPageKey } from './kitLimits.ts';

export interface KitPage {
  key: KitPageKey;
  label: string;
  code: string;
}

export interface PeerPage {
  key: string;
  label: string;
  /** The packages the page imports, shown with their installed versions. */
  packages: readonly string[];
  /** What the page holds, for the table's reader. */
  contents: string;
  code: string;
}

export const kitPages: readonly KitPage[] = [
  {
    key: 'size_idle_page_gz',
    label: 'idle page',
    code: `export {
      RealtimeProvider, useIdleTimeout, IdleBanner, createOpenAIWebRTCTransport,
    } from 'react-realtime-kit';`,
  },
  {
    key: 'size_voice_page_gz',
    label: "voice page (the README's)",
    code: `export {
      RealtimeProvider, IdleBanner, TranscriptView, SessionControls, ConnectionIndicator,
      createOpenAIWebRTCTransport,
    } from 'react-realtime-kit';`,
  },
  {
    key: 'size_all_gz',
    label: 'whole main entry',
    code: "export * from 'react-realtime-kit';",
  },
];

export const peerPages: readonly PeerPage[] = [
  {
    key: 'size_openai_agents_realtime_page_gz',
    label: 'OpenAI Agents SDK',
    packages: ['@openai/agents-realtime'],
    contents:
      '`RealtimeAgent`, `RealtimeSession` and its `OpenAIRealtimeWebRTC` transport. No React layer: hooks, ' +
      'transcript and controls are the app\'s own code. Its `zod` keeps every locale and the v3 API',
    code: "export { RealtimeAgent, RealtimeSession, OpenAIRealtimeWebRTC } from '@openai/agents-realtime';",
  },
  {
    key: 'size_elevenlabs_page_gz',
    label: 'ElevenLabs',
    packages: ['@elevenlabs/react'],
    contents:
      '`ConversationProvider`, `useConversationControls`, `useConversationStatus`, `useConversationMode`; ' +
      'its client and both transports come with the provider (WebRTC is `livekit-client`). Hooks only: ' +
      'the markup is the app\'s own',
    code: `export {
      ConversationProvider, useConversationControls, useConversationStatus, useConversationMode,
    } from '@elevenlabs/react';`,
  },
  {
    key: 'size_pipecat_daily_page_gz',
    label: 'Pipecat, Daily transport',
    packages: ['@pipecat-ai/client-react', '@pipecat-ai/client-js', '@pipecat-ai/daily-transport'],
    contents:
      '`PipecatClient`, `PipecatClientProvider`, `PipecatClientAudio`, `usePipecatClient`, ' +
      '`usePipecatConversation`, `usePipecatClientTransportState`, `DailyTransport` (the React SDK docs\' ' +
      'example). Not counted: the call machine `daily-js` downloads from Daily when a call starts',
    code: `export { PipecatClient } from '@pipecat-ai/client-js';
    export {
      PipecatClientProvider, PipecatClientAudio, usePipecatClient, usePipecatConversation,
      usePipecatClientTransportState,
    } from '@pipecat-ai/client-react';
    export { DailyTransport } from '@pipecat-ai/daily-transport';`,
  },
  {
    key: 'size_pipecat_small_webrtc_page_gz',
    label: 'Pipecat, SmallWebRTC transport',
    packages: ['@pipecat-ai/client-react', '@pipecat-ai/client-js', '@pipecat-ai/small-webrtc-transport'],
    contents:
      'the same page with `SmallWebRTCTransport` (peer-to-peer to the bot, no Daily room; it still ' +
      'bundles `daily-js` for its media manager)',
    code: `export { PipecatClient } from '@pipecat-ai/client-js';
    export {
      PipecatClientProvider, PipecatClientAudio, usePipecatClient, usePipecatConversation,
      usePipecatClientTransportState,
    } from '@pipecat-ai/client-react';
    export { SmallWebRTCTransport } from '@pipecat-ai/small-webrtc-transport';`,
  },
  {
    key: 'size_livekit_page_gz',
    label: 'LiveKit',
    packages: ['@livekit/components-react', 'livekit-client'],
    contents:
      '`Room`, `RoomContext`, `RoomAudioRenderer`, `BarVisualizer`, `VoiceAssistantControlBar`, ' +
      '`useVoiceAssistant`, `useTranscriptions` (its voice assistant quick start, with a transcript)',
    code: `export { Room } from 'livekit-client';
    export {
      RoomContext, RoomAudioRenderer, BarVisualizer, VoiceAssistantControlBar, useVoiceAssistant,
      useTranscriptions,
    } from '@livekit/components-react';`,
  },
];
