/**
 * Transports: the seam between a session and the wire, and the OpenAI WebRTC and WebSocket
 * transports with their browser audio. Nothing here touches browser globals at import.
 */
export type * from './types.ts';
export { createOpenAIWebRTCTransport } from './createOpenAIWebRTCTransport.ts';
export type { OpenAIWebRTCTransport, OpenAIWebRTCTransportOptions } from './createOpenAIWebRTCTransport.ts';
export { createOpenAIWebSocketTransport } from './createOpenAIWebSocketTransport.ts';
export type { OpenAIWebSocketTransport, OpenAIWebSocketTransportOptions } from './createOpenAIWebSocketTransport.ts';
export { RealtimeTransportError, isRealtimeTransportError } from './RealtimeTransportError.ts';
export type { RealtimeTransportErrorCode } from './RealtimeTransportError.ts';
export { resolveClientSecret, isBrowserEnvironment } from './resolveClientSecret.ts';
export type { ClientSecretSource, ResolveClientSecretOptions } from './resolveClientSecret.ts';
export { getMicrophoneStream, DEFAULT_MICROPHONE_CONSTRAINTS } from './getMicrophoneStream.ts';
export type { MediaDevicesLike } from './getMicrophoneStream.ts';
export { createTransportEmitter } from './createTransportEmitter.ts';
export type { TransportEmitter } from './createTransportEmitter.ts';
export { createPlaybackTimeline } from './createPlaybackTimeline.ts';
export type { PlaybackTimeline, PlaybackSource, PlaybackCut } from './createPlaybackTimeline.ts';
export {
  floatToPcm16,
  pcm16ToFloat,
  bytesToPcm16,
  pcm16ToBytes,
  pcm16DurationMs,
  REALTIME_PCM_SAMPLE_RATE,
  PCM16_BYTES_PER_MS,
} from './pcm16.ts';
export { bytesToBase64, base64ToBytes } from './base64.ts';
export { createLinearResampler } from './createLinearResampler.ts';
export type { LinearResampler } from './createLinearResampler.ts';
export { createPcmChunker } from './createPcmChunker.ts';
export { createAudioPlayer } from './createAudioPlayer.ts';
export type { AudioPlayer, AudioPlayerCallbacks } from './createAudioPlayer.ts';
export { createMicrophoneCapture } from './createMicrophoneCapture.ts';
export type { MicrophoneCapture } from './createMicrophoneCapture.ts';
export {
  createMicCaptureWorkletUrl,
  micCaptureWorkletModuleUrl,
  micCaptureWorkletSource,
  MIC_CAPTURE_PROCESSOR,
} from './micCaptureWorklet.ts';
export { loadMicCaptureWorklet } from './loadMicCaptureWorklet.ts';
export type { PcmChunker } from './createPcmChunker.ts';
