// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readMicrophones } from '../../../src/components/MicrophoneSelect/index.ts';
import { microphone } from './fakeMediaDevices.ts';

const speaker = { deviceId: 'spk', groupId: 'g-spk', kind: 'audiooutput', label: 'Speakers' };

describe('readMicrophones', () => {
  it("folds Chrome's default and communications entries into the devices they repeat, naming the default", () => {
    const reading = readMicrophones([
      microphone('default', 'Default - USB Headset (046d:0a44)', 'g-usb'),
      microphone('communications', 'Communications - Built-in Microphone', 'g-built'),
      microphone('usb', 'USB Headset (046d:0a44)', 'g-usb'),
      microphone('built', 'Built-in Microphone', 'g-built'),
      speaker,
    ]);
    expect(reading.devices.map((device) => device.deviceId)).toEqual(['usb', 'built']);
    expect(reading.defaultName).toBe('USB Headset (046d:0a44)');
    expect(reading.namesVisible).toBe(true);
    expect(reading.inputCount).toBe(4);
  });

  it('names the default from its own label when no single device shares its group (any locale prefix kept)', () => {
    expect(readMicrophones([microphone('default', 'Default - Studio Mic', ''), microphone('a', 'Other', 'g-a')]).defaultName).toBe(
      'Studio Mic',
    );
    expect(readMicrophones([microphone('default', 'Standard – Studio', 'x')]).defaultName).toBe('Standard – Studio');
    expect(readMicrophones([microphone('default', '', 'x')]).defaultName).toBeNull();
    expect(readMicrophones([microphone('a', 'A')]).defaultName).toBeNull();
  });

  it('before access: one hidden input is present but not selectable, and names are not visible', () => {
    const reading = readMicrophones([{ deviceId: '', groupId: '', kind: 'audioinput', label: '' }, speaker]);
    expect(reading.devices).toEqual([]);
    expect(reading.inputCount).toBe(1);
    expect(reading.namesVisible).toBe(false);
  });

  it('keeps inputs with ids but no names (to be numbered), drops repeated ids, and counts no inputs as none', () => {
    const reading = readMicrophones([microphone('a', ''), microphone('b', ''), microphone('a', '')]);
    expect(reading.devices.map((device) => [device.deviceId, device.label])).toEqual([
      ['a', ''],
      ['b', ''],
    ]);
    expect(reading.namesVisible).toBe(false);
    expect(readMicrophones([speaker]).inputCount).toBe(0);
  });
});
