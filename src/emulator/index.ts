/**
 * `react-realtime-kit/emulator`: a local Realtime API stand-in for development and tests.
 * Node only (it imports `node:http` and `ws`; WebRTC loads `werift` and `opusscript`).
 * `react-realtime-kit/testing/emulator`, its earlier name, is the same module and keeps working.
 */
export { createRealtimeEmulator } from './createRealtimeEmulator.ts';
export type { RealtimeEmulator, RealtimeEmulatorOptions, EmulatorConnectionInfo } from './createRealtimeEmulator.ts';
export type { EmulatorToolCall, EmulatorToolOutput } from './emulatorToolCalls.ts';
export { createEmulatorSession } from './createEmulatorSession.ts';
export type { EmulatorSession, EmulatorSessionOptions, MediaPlayback } from './createEmulatorSession.ts';
export { createWebRTCCall } from './createWebRTCCall.ts';
export type { WebRTCCall } from './createWebRTCCall.ts';
export { createEnergyDetector, rmsThresholdFor } from './createEnergyDetector.ts';
export type { EnergyDetector, EnergyDetectorOptions, EnergyDetectorResult } from './createEnergyDetector.ts';
export { synthesizeSpeech } from './synthesizeSpeech.ts';
export { defaultEmulatorScript } from './defaultEmulatorScript.ts';
export type { EmulatorScript, EmulatorReplyContext } from './defaultEmulatorScript.ts';
