/** The fields of a `MediaDeviceInfo` the microphone list reads (a plain object will do in tests). */
export interface MediaDeviceInfoLike {
  deviceId: string;
  groupId: string;
  kind: string;
  label: string;
}

/** One microphone the user can pick. */
export interface MicrophoneDevice {
  /** What `session.setMicrophoneDevice` takes. */
  deviceId: string;
  groupId: string;
  /** The browser's name for it; empty until the page may use the microphone. */
  label: string;
}

/** The audio inputs of one `enumerateDevices()` answer, ready for a picker. */
export interface MicrophoneReading {
  /** Real, selectable microphones: no pseudo-devices, no hidden (empty) ids, no duplicates. */
  devices: readonly MicrophoneDevice[];
  /** The name of the device behind the browser's "default" entry, when it says (Chrome does). */
  defaultName: string | null;
  /** True when the browser shows names, which it does once the microphone is allowed. */
  namesVisible: boolean;
  /** Every audio input reported, hidden ones included: 0 means there is no microphone at all. */
  inputCount: number;
}

// Chrome lists the system's default and (on Windows) communications device again under these
// ids, labelled "Default - <name>" and "Communications - <name>".
const PSEUDO_DEVICE_IDS = new Set(['default', 'communications']);

function nameOfDefault(entry: MediaDeviceInfoLike, devices: readonly MicrophoneDevice[]): string | null {
  // The same physical device shares the groupId: its own label is the plain name, in any locale.
  const sameGroup = entry.groupId === '' ? [] : devices.filter((device) => device.groupId === entry.groupId);
  if (sameGroup.length === 1 && sameGroup[0]!.label !== '') return sameGroup[0]!.label;
  const stripped = entry.label.replace(/^Default\s*-\s*/, '').trim();
  return stripped === '' ? null : stripped;
}

/**
 * Read the microphones out of an `enumerateDevices()` answer. Before the page may use the
 * microphone, browsers hide names (empty labels) and often ids (one entry with an empty id):
 * such entries count as present but are not selectable. Chrome's `default` and
 * `communications` entries repeat a real device; they are left out, and the default one's
 * name is kept so the picker can say "Default (<name>)" once.
 *
 * @example
 * ```ts
 * const reading = readMicrophones(await navigator.mediaDevices.enumerateDevices());
 * reading.devices.map((device) => device.label);
 * ```
 */
export function readMicrophones(entries: readonly MediaDeviceInfoLike[]): MicrophoneReading {
  const inputs = entries.filter((entry) => entry.kind === 'audioinput');
  const devices: MicrophoneDevice[] = [];
  const seen = new Set<string>();
  for (const entry of inputs) {
    if (entry.deviceId === '' || PSEUDO_DEVICE_IDS.has(entry.deviceId) || seen.has(entry.deviceId)) continue;
    seen.add(entry.deviceId);
    devices.push({ deviceId: entry.deviceId, groupId: entry.groupId, label: entry.label });
  }
  const defaultEntry = inputs.find((entry) => entry.deviceId === 'default');
  return {
    devices,
    defaultName: defaultEntry ? nameOfDefault(defaultEntry, devices) : null,
    namesVisible: inputs.some((entry) => entry.label !== ''),
    inputCount: inputs.length,
  };
}
