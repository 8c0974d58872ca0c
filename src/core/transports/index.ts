/**
 * Transports: the OpenAI WebRTC and WebSocket transports, their browser audio (audio/), and the
 * seam they implement (`RealtimeTransport`, from src/core/transport/, which the session imports
 * instead of this folder). Nothing here touches browser globals at import.
 */
export type * from '../transport/RealtimeTransport.ts';
export type { AudioLevels, AudioLevelMeter, AudioLevelOptions } from '../transport/audioLevels.ts';
export { createAudioLevels, createSilentAudioLevelMeter, MAX_AUDIO_LEVEL_BANDS } from '../transport/audioLevels.ts';
export { createOpenAIWebRTCTransport } from './createOpenAIWebRTCTransport.ts';
export type { OpenAIWebRTCTransport, OpenAIWebRTCTransportOptions } from './createOpenAIWebRTCTransport.ts';
export { createOpenAIWebSocketTransport } from './createOpenAIWebSocketTransport.ts';
export type { OpenAIWebSocketTransport, OpenAIWebSocketTransportOptions } from './createOpenAIWebSocketTransport.ts';
export { RealtimeTransportError, isRealtimeTransportError } from '../transport/RealtimeTransportError.ts';
export type { RealtimeTransportErrorCode } from '../transport/RealtimeTransportError.ts';
export { resolveClientSecret, isBrowserEnvironment } from './resolveClientSecret.ts';
export type { ClientSecretSource, ResolveClientSecretOptions } from './resolveClientSecret.ts';
export { getMicrophoneStream, DEFAULT_MICROPHONE_CONSTRAINTS } from './audio/getMicrophoneStream.ts';
export type { MediaDevicesLike } from './audio/getMicrophoneStream.ts';
export { createTransportEmitter } from '../transport/createTransportEmitter.ts';
export type { TransportEmitter } from '../transport/createTransportEmitter.ts';
export { createPlaybackTimeline } from './audio/createPlaybackTimeline.ts';
export type { PlaybackTimeline, PlaybackSource, PlaybackCut } from './audio/createPlaybackTimeline.ts';
export {
  floatToPcm16,
  pcm16ToFloat,
  bytesToPcm16,
  pcm16ToBytes,
  pcm16DurationMs,
  REALTIME_PCM_SAMPLE_RATE,
  PCM16_BYTES_PER_MS,
} from './audio/pcm16.ts';
export { bytesToBase64, base64ToBytes } from './audio/base64.ts';
export { createLinearResampler } from './audio/createLinearResampler.ts';
export type { LinearResampler } from './audio/createLinearResampler.ts';
export { createPcmChunker } from './audio/createPcmChunker.ts';
export { createAudioPlayer } from './audio/createAudioPlayer.ts';
export type { AudioPlayer, AudioPlayerCallbacks } from './audio/createAudioPlayer.ts';
export { createMicrophoneCapture } from './audio/createMicrophoneCapture.ts';
export type { MicrophoneCapture } from './audio/createMicrophoneCapture.ts';
export {
  createMicCaptureWorkletUrl,
  micCaptureWorkletModuleUrl,
  micCaptureWorkletSource,
  MIC_CAPTURE_PROCESSOR,
} from './audio/micCaptureWorklet.ts';
export { loadMicCaptureWorklet } from './audio/loadMicCaptureWorklet.ts';
export type { PcmChunker } from './audio/createPcmChunker.ts';
