import type { Page } from 'playwright-core';
import { HEARD_LEVEL, levelPeaksSince } from './checkLevels.ts';

/**
 * Switch the microphone in the middle of a session (`session.setMicrophoneDevice`) to another
 * of Chromium's fake inputs, and prove what a user relies on:
 * - the promise resolves and `state.microphoneDeviceId` names the new device;
 * - exactly one microphone track is live, from the new device (the old one was released);
 * - no reconnect: the same socket or peer connection, still open, no status change at all;
 * - audio keeps flowing to the emulator from the new device: a fake device plays the WAV from
 *   its start when opened, so its burst 4 s later must reach the emulator's VAD
 *   (`speech_started` after the switch), the level meter follows it, and (WebRTC) the sender
 *   carries the new track, or (WebSocket) appends keep being sent.
 */
export async function checkMicrophoneSwitch(page: Page, transport: 'webrtc' | 'websocket'): Promise<string> {
  const before = await page.evaluate(async () => {
    const inputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audioinput');
    const live = window.__e2e.tracks.filter((t) => t.kind === 'audio' && t.readyState === 'live');
    const current = live[0]?.getSettings().deviceId;
    const target = inputs.find((d) => d.deviceId !== 'default' && d.deviceId !== current && d.deviceId !== '');
    return {
      inputs: inputs.map((d) => d.label || d.deviceId),
      current,
      target: target?.deviceId ?? null,
      targetLabel: target?.label ?? '',
      sockets: window.__e2e.sockets.length,
      peers: window.__e2e.peerConnections.length,
      appends: window.__e2e.appendsSent,
      at: performance.now(),
    };
  });
  if (!before.target) throw new Error(`no second audio input to switch to: ${before.inputs.join(', ')}`);

  await page.evaluate(async (deviceId) => {
    const session = window.__e2eSession;
    if (!session) throw new Error('the page exposes no session');
    await session.setMicrophoneDevice(deviceId);
  }, before.target);

  const switched = await page.evaluate((target) => {
    const live = window.__e2e.tracks.filter((t) => t.kind === 'audio' && t.readyState === 'live');
    return {
      stateDevice: window.__e2eSession?.getState().microphoneDeviceId ?? null,
      live: live.map((t) => ({ id: t.id, device: t.getSettings().deviceId })),
      target,
    };
  }, before.target);
  if (switched.stateDevice !== before.target) throw new Error(`state.microphoneDeviceId is ${String(switched.stateDevice)}`);
  if (switched.live.length !== 1 || switched.live[0]?.device !== before.target) {
    throw new Error(`live microphone tracks after the switch: ${JSON.stringify(switched.live)} (wanted one from ${before.target})`);
  }

  // The new device's burst (4 s into the WAV) reaches the emulator as a user turn.
  await page.waitForFunction(
    (since) => window.__e2e.events.some((e) => e.type === 'speech_started' && e.at > since),
    before.at,
    { timeout: 15000 },
  );
  const after = await page.evaluate(
    async ({ since, trackId }) => {
      const pc = window.__e2e.peerConnections.at(-1);
      const socket = window.__e2e.sockets.at(-1);
      let packetsSent = 0;
      if (pc) {
        (await pc.getStats()).forEach((entry: { type: string; kind?: string; packetsSent?: number }) => {
          if (entry.type === 'outbound-rtp' && entry.kind === 'audio') packetsSent = entry.packetsSent ?? 0;
        });
      }
      return {
        statusChanges: window.__e2e.events.filter((e) => e.type === 'status_changed' && e.at > since).map((e) => e.status),
        sockets: window.__e2e.sockets.length,
        peers: window.__e2e.peerConnections.length,
        socketOpen: socket ? socket.readyState === WebSocket.OPEN : null,
        peerState: pc?.connectionState ?? null,
        senderTrack: pc?.getSenders().find((s) => s.track?.kind === 'audio')?.track?.id ?? null,
        newTrack: trackId,
        packetsSent,
        appends: window.__e2e.appendsSent,
      };
    },
    { since: before.at, trackId: switched.live[0].id },
  );
  if (after.statusChanges.length > 0) throw new Error(`the connection changed status: ${after.statusChanges.join(' -> ')}`);
  if (after.sockets !== before.sockets || after.peers !== before.peers) {
    throw new Error(`reconnected: sockets ${before.sockets} -> ${after.sockets}, peer connections ${before.peers} -> ${after.peers}`);
  }
  const levels = await levelPeaksSince(page, before.at);
  if (levels.input < HEARD_LEVEL) throw new Error(`input level only ${levels.input.toFixed(2)} from the new microphone`);
  let flow: string;
  if (transport === 'websocket') {
    if (!after.socketOpen) throw new Error('the socket is not open');
    flow = `${after.appends - before.appends} appends sent since`;
  } else {
    if (after.peerState !== 'connected') throw new Error(`peer connection ${String(after.peerState)}`);
    if (after.senderTrack !== after.newTrack) throw new Error(`the sender carries track ${String(after.senderTrack)}, not the new one`);
    flow = `the sender carries the new track, ${after.packetsSent} packets sent`;
  }
  return (
    `${before.inputs.length} inputs; switched to "${before.targetLabel}" with no reconnect or status change; ` +
    `the emulator heard it (speech_started), input level ${levels.input.toFixed(2)}; ${flow}`
  );
}
