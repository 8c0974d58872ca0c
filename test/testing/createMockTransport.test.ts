import { describe, expect, it, vi } from 'vitest';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import type { ClientEvent } from '../../src/core/protocol/index.ts';

const signal = () => new AbortController().signal;
const speechStarted = { type: 'input_audio_buffer.speech_started', event_id: 'event_1', audio_start_ms: 0, item_id: 'item_1' };

describe('createMockTransport', () => {
  it('connects at once and records the call', async () => {
    const transport = createMockTransport();
    expect(transport.connected).toBe(false);
    await transport.connect({ signal: signal() });
    expect(transport.connected).toBe(true);
    expect(transport.calls).toEqual([{ method: 'connect' }]);
  });

  it('delivers emitted objects as JSON strings by default, strings untouched', async () => {
    const transport = createMockTransport();
    const received: (string | object)[] = [];
    transport.on('message', (data) => received.push(data));
    await transport.connect({ signal: signal() });
    expect(transport.emit(speechStarted)).toBe(true);
    transport.emit('{not json');
    expect(received[0]).toBe(JSON.stringify(speechStarted));
    expect(received[1]).toBe('{not json');
  });

  it('delivers objects as objects when asked, per transport or per call', async () => {
    const transport = createMockTransport({ delivery: 'object' });
    const other = createMockTransport();
    const received: (string | object)[] = [];
    transport.on('message', (data) => received.push(data));
    other.on('message', (data) => received.push(data));
    await transport.connect({ signal: signal() });
    await other.connect({ signal: signal() });
    transport.emit(speechStarted);
    other.emit(speechStarted, { delivery: 'object' });
    expect(received).toEqual([speechStarted, speechStarted]);
    expect(received[0]).toBe(speechStarted);
  });

  it('delivers nothing while not connected', () => {
    const transport = createMockTransport();
    const listener = vi.fn();
    transport.on('message', listener);
    expect(transport.emit(speechStarted)).toBe(false);
    expect(listener).not.toHaveBeenCalled();
  });

  it('records sent client events in order and filters them by type', async () => {
    const transport = createMockTransport();
    await transport.connect({ signal: signal() });
    const update = { type: 'session.update', session: { type: 'realtime' } } as ClientEvent;
    const commit = { type: 'input_audio_buffer.commit' } as ClientEvent;
    transport.send(update);
    transport.send(commit);
    transport.send(update);
    expect(transport.sent).toEqual([update, commit, update]);
    expect(transport.sentOfType('session.update')).toHaveLength(2);
    expect(transport.sentOfType('input_audio_buffer.commit')).toEqual([commit]);
    expect(transport.calls.filter((call) => call.method === 'send')).toHaveLength(3);
    transport.clearRecords();
    expect(transport.sent).toHaveLength(0);
    expect(transport.calls).toHaveLength(0);
  });

  it('lists sent events that are not valid client events', async () => {
    const transport = createMockTransport();
    await transport.connect({ signal: signal() });
    const good = { type: 'input_audio_buffer.clear' } as ClientEvent;
    const bad = { type: 'conversation.item.truncate', item_id: 'item_1', content_index: 0, audio_end_ms: -5 } as ClientEvent;
    transport.send(good);
    transport.send(bad);
    expect(transport.sent).toEqual([good, bad]);
    expect(transport.invalidSent).toHaveLength(1);
    expect(transport.invalidSent[0]!.event).toBe(bad);
    expect(transport.invalidSent[0]!.message).toMatch(/audio_end_ms/);
  });

  it('refuses to send while not connected', () => {
    const transport = createMockTransport();
    expect(() => transport.send({ type: 'input_audio_buffer.clear' } as ClientEvent)).toThrow(/not connected/);
    expect(transport.sent).toHaveLength(0);
  });

  it('drop() emits close with the error once; close() after it emits nothing more', async () => {
    const transport = createMockTransport();
    const onClose = vi.fn();
    transport.on('close', onClose);
    await transport.connect({ signal: signal() });
    const error = new Error('network down');
    transport.drop(error);
    transport.close();
    transport.drop();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledWith({ error, reason: 'dropped' });
    expect(transport.connected).toBe(false);
  });

  it('drop() without an argument still reports an error', async () => {
    const transport = createMockTransport();
    const onClose = vi.fn();
    transport.on('close', onClose);
    await transport.connect({ signal: signal() });
    transport.drop();
    expect(onClose.mock.calls[0]?.[0].error).toBeInstanceOf(Error);
  });

  it('close() asked for emits close without an error', async () => {
    const transport = createMockTransport();
    const onClose = vi.fn();
    transport.on('close', onClose);
    await transport.connect({ signal: signal() });
    transport.close();
    expect(onClose).toHaveBeenCalledWith({});
    expect(transport.calls.at(-1)).toEqual({ method: 'close' });
  });

  it('can reconnect after a drop', async () => {
    const transport = createMockTransport();
    await transport.connect({ signal: signal() });
    transport.drop();
    await transport.connect({ signal: signal() });
    expect(transport.connected).toBe(true);
  });

  it('rejects connect with the configured error', async () => {
    const error = new Error('401 Unauthorized');
    const transport = createMockTransport({ connectError: error });
    await expect(transport.connect({ signal: signal() })).rejects.toBe(error);
    expect(transport.connected).toBe(false);
  });

  it('delays connect on the given clock and honours abort', async () => {
    const timers: { callback: () => void; ms: number }[] = [];
    const clock = {
      now: () => 0,
      setTimeout: (callback: () => void, ms: number) => timers.push({ callback, ms }),
      clearTimeout: vi.fn(),
    };
    const transport = createMockTransport({ clock, connectDelayMs: 250 });
    const pending = transport.connect({ signal: signal() });
    await Promise.resolve();
    expect(transport.connected).toBe(false);
    expect(timers[0]?.ms).toBe(250);
    timers[0]?.callback();
    await pending;
    expect(transport.connected).toBe(true);

    const controller = new AbortController();
    const aborted = createMockTransport({ clock, connectDelayMs: 250 }).connect({ signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(aborted).rejects.toThrow('gave up');
    expect(clock.clearTimeout).toHaveBeenCalledTimes(1);
  });

  it('emits playback events (only while connected, like emit) and exposes its playback reporting', async () => {
    const transport = createMockTransport({ playbackReporting: 'transport' });
    const onPlayback = vi.fn();
    transport.on('playback', onPlayback);
    expect(transport.emitPlayback({ type: 'stopped', itemId: 'item_1', playedMs: 1200 })).toBe(false);
    expect(transport.emit('{}')).toBe(false);
    expect(onPlayback).not.toHaveBeenCalled();
    await transport.connect({ signal: new AbortController().signal });
    expect(transport.emitPlayback({ type: 'stopped', itemId: 'item_1', playedMs: 1200 })).toBe(true);
    expect(onPlayback).toHaveBeenCalledWith({ type: 'stopped', itemId: 'item_1', playedMs: 1200 });
    transport.close();
    expect(transport.emitPlayback({ type: 'started', itemId: 'item_2' })).toBe(false);
    expect(onPlayback).toHaveBeenCalledTimes(1);
    expect(transport.playbackReporting).toBe('transport');
    expect(createMockTransport().playbackReporting).toBe('server');
  });

  it('records setMuted and interrupt as spies, or leaves them out', () => {
    const transport = createMockTransport();
    transport.setMuted?.(true);
    transport.interrupt?.();
    expect(transport.muted).toBe(true);
    expect(transport.calls).toEqual([{ method: 'setMuted', muted: true }, { method: 'interrupt' }]);
    const bare = createMockTransport({ omit: ['setMuted', 'interrupt'] });
    expect(bare.setMuted).toBeUndefined();
    expect(bare.interrupt).toBeUndefined();
  });

  it('unsubscribes listeners, even during dispatch', async () => {
    const transport = createMockTransport();
    const second = vi.fn();
    const off = transport.on('message', () => off());
    transport.on('message', second);
    expect(transport.listenerCount('message')).toBe(2);
    await transport.connect({ signal: signal() });
    transport.emit('{}');
    transport.emit('{}');
    expect(second).toHaveBeenCalledTimes(2);
    expect(transport.listenerCount('message')).toBe(1);
  });

  it('close() during a delayed connect wins: the connect rejects with aborted, never connected', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock, connectDelayMs: 200 });
    const connecting = transport.connect({ signal: new AbortController().signal });
    clock.advance(100);
    transport.close();
    await expect(connecting).rejects.toMatchObject({ code: 'aborted' });
    clock.advance(1000);
    expect(transport.connected).toBe(false);
    // Also with an instant connect, closed before its microtask.
    const instant = createMockTransport();
    const pending = instant.connect({ signal: new AbortController().signal });
    instant.close();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(instant.connected).toBe(false);
  });

  it('fails only the first connectFailures attempts, then connects', async () => {
    const transport = createMockTransport({ connectError: new Error('503'), connectFailures: 2 });
    const signal = new AbortController().signal;
    await expect(transport.connect({ signal })).rejects.toThrow('503');
    await expect(transport.connect({ signal })).rejects.toThrow('503');
    await transport.connect({ signal });
    expect(transport.connected).toBe(true);
  });
});
