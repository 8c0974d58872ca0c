// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createMicrophoneList, type MicrophoneMediaDevices } from '../../../src/components/MicrophoneSelect/index.ts';
import { createFakeMediaDevices, microphone } from './fakeMediaDevices.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createMicrophoneList', () => {
  it('touches nothing until the first listener, then enumerates and follows devicechange until the last leaves', async () => {
    const fake = createFakeMediaDevices([microphone('a', 'Mic A')]);
    const list = createMicrophoneList({ mediaDevices: fake });
    expect(list.getSnapshot().status).toBe('idle');
    expect(fake.enumerateCalls).toBe(0);

    let changes = 0;
    const stop = list.subscribe(() => changes++);
    const stopSecond = list.subscribe(() => undefined);
    await settle();
    expect(fake.enumerateCalls).toBe(1);
    expect(fake.listenerCount()).toBe(1);
    expect(list.getSnapshot()).toMatchObject({ status: 'ready', namesVisible: true, inputCount: 1 });

    fake.plug(microphone('b', 'Mic B'));
    await settle();
    expect(list.getSnapshot().devices.map((device) => device.label)).toEqual(['Mic A', 'Mic B']);
    expect(changes).toBe(2);

    stop();
    expect(fake.listenerCount()).toBe(1);
    stopSecond();
    expect(fake.listenerCount()).toBe(0);
  });

  it('keeps the same snapshot when an enumeration finds nothing new', async () => {
    const fake = createFakeMediaDevices([microphone('a', 'Mic A')]);
    const list = createMicrophoneList({ mediaDevices: fake });
    list.subscribe(() => undefined);
    await settle();
    const before = list.getSnapshot();
    await list.refresh();
    expect(list.getSnapshot()).toBe(before);
  });

  it('applies only the latest enumeration when answers arrive out of order', async () => {
    const answers: ((devices: ReturnType<typeof microphone>[]) => void)[] = [];
    const slow: MicrophoneMediaDevices = { enumerateDevices: () => new Promise((resolve) => answers.push(resolve)) };
    const list = createMicrophoneList({ mediaDevices: slow });
    const first = list.refresh();
    const second = list.refresh();
    answers[1]!([microphone('new', 'New')]);
    answers[0]!([microphone('old', 'Old')]);
    await Promise.all([first, second]);
    expect(list.getSnapshot().devices.map((device) => device.deviceId)).toEqual(['new']);
  });

  it('says unsupported without navigator.mediaDevices (a server, an http page)', async () => {
    expect(typeof navigator === 'undefined' || navigator.mediaDevices === undefined).toBe(true);
    const list = createMicrophoneList();
    list.subscribe(() => undefined);
    await settle();
    expect(list.getSnapshot().status).toBe('unsupported');
    await expect(list.requestPermission()).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('requestPermission asks, releases the microphone at once, and enumerates again so names show', async () => {
    const fake = createFakeMediaDevices([microphone('a', 'Mic A'), microphone('b', 'Mic B')], { permission: 'prompt' });
    const list = createMicrophoneList({ mediaDevices: fake });
    list.subscribe(() => undefined);
    await settle();
    expect(list.getSnapshot()).toMatchObject({ namesVisible: false, inputCount: 1, devices: [], canRequestPermission: true });
    await list.requestPermission();
    expect(fake.getUserMediaCalls).toEqual([{ audio: true }]);
    expect(fake.stoppedTracks).toBe(1);
    expect(list.getSnapshot().devices.map((device) => device.label)).toEqual(['Mic A', 'Mic B']);
  });

  it('keeps the devices and reports the error when an enumeration fails', async () => {
    let fail = false;
    const failure = new Error('enumerate failed');
    const devices: MicrophoneMediaDevices = {
      enumerateDevices: () => (fail ? Promise.reject(failure) : Promise.resolve([microphone('a', 'Mic A')])),
    };
    const list = createMicrophoneList({ mediaDevices: devices });
    await list.refresh();
    fail = true;
    await list.refresh();
    expect(list.getSnapshot()).toMatchObject({ error: failure, devices: [{ deviceId: 'a' }], canRequestPermission: false });
  });
});
