// Imports every JS entry of the BUILT package through its own name (package.json `exports`),
// as Node resolves it for a user: catches a missing file or a broken export map.
import assert from 'node:assert/strict';

const main = await import('react-realtime-kit');
const core = await import('react-realtime-kit/core');
const testing = await import('react-realtime-kit/testing');
const server = await import('react-realtime-kit/server');
const emulator = await import('react-realtime-kit/emulator');
const emulatorEarlierName = await import('react-realtime-kit/testing/emulator');

for (const name of ['RealtimeProvider', 'useIdleTimeout', 'IdleBanner', 'TranscriptView', 'createRealtimeSession']) {
  assert.ok(main[name], `react-realtime-kit exports ${name}`);
}
assert.equal(typeof core.parseServerEvent, 'function');
assert.equal('RealtimeProvider' in core, false, 'the core entry must not carry React code');
assert.equal(typeof testing.createMockTransport, 'function');
assert.equal(typeof testing.createDemoSession, 'function');
assert.equal(typeof server.createClientSecret, 'function');
assert.equal(typeof emulator.createRealtimeEmulator, 'function');
assert.equal(emulatorEarlierName.createRealtimeEmulator, emulator.createRealtimeEmulator, 'the earlier emulator path is the same module');

// The built core works end to end: a timeout event parses with every wire field kept.
const result = core.parseServerEvent(
  '{"type":"input_audio_buffer.timeout_triggered","event_id":"e1","audio_start_ms":13216,"audio_end_ms":19232,"item_id":"item_1"}',
);
assert.equal(result.ok, true);
assert.equal(result.event.audio_end_ms, 19232);
console.log('package entries: 5 passed, 0 failed');
