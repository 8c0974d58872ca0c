import { useCallback, useEffect, useId, useInsertionEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ButtonHTMLAttributes, HTMLAttributes, LabelHTMLAttributes, Ref, SelectHTMLAttributes } from 'react';
import type { ConnectionStatus, RealtimeSession, SessionState } from '../../core/session/types.ts';
import { useRequiredSession } from '../../react/useRequiredSession.ts';
import { useSessionSelector } from '../../react/useSessionSelector.ts';
import { composeEventHandlers } from '../internal/composeEventHandlers.ts';
import { resolveLabel, type Label } from '../internal/resolveLabel.ts';
import { createMicrophoneList, type MicrophoneMediaDevices } from './createMicrophoneList.ts';
import {
  defaultMicrophoneErrorMessages,
  describeMicrophoneError,
  type MicrophoneError,
  type MicrophoneErrorMessages,
} from './describeMicrophoneError.ts';
import type { MicrophoneDevice } from './readMicrophones.ts';

/**
 * Why the picker cannot be used: no microphone API here (`unsupported`: no browser, or a page
 * that is not https), or no microphone at all (`no_device`). `null` when it can.
 *
 * @example
 * ```tsx
 * const { disabledReason } = useMicrophoneSelect();
 * if (disabledReason === 'no_device') return <p>Plug in a headset to talk.</p>;
 * ```
 */
export type MicrophoneSelectDisabledReason = 'unsupported' | 'no_device';

/** Every string of the microphone picker, for translation. */
export interface MicrophoneSelectLabels {
  /** The select's label. */
  label: string;
  /** The first option, the browser's default microphone; `name` when the browser tells it (Chrome). */
  defaultDevice: Label<{ name: string | null }>;
  /** A microphone whose name the browser hides until access is allowed (numbered from 1). */
  unnamedDevice: Label<{ index: number }>;
  /** The button that asks for access, so the names show. */
  allowAccess: string;
  /** Shown (and the select disabled) where there is no microphone API. */
  unsupported: string;
  /** Shown (and the select disabled) when the browser reports no microphone at all. */
  noDevice: string;
  /** Shown when the chosen microphone was unplugged and the picker fell back to the default. */
  deviceRemoved: Label<{ name: string }>;
  /** The message of each error kind (see `describeMicrophoneError`). */
  errors: MicrophoneErrorMessages;
}

/** Labels as the hook and the component take them: any subset, errors included. */
export type MicrophoneSelectLabelOverrides = Partial<Omit<MicrophoneSelectLabels, 'errors'>> & {
  errors?: Partial<MicrophoneErrorMessages>;
};

/**
 * The default English copy.
 *
 * @example
 * ```tsx
 * <MicrophoneSelect labels={{ label: 'Input', allowAccess: `${defaultMicrophoneSelectLabels.allowAccess} to see names` }} />
 * ```
 */
export const defaultMicrophoneSelectLabels: MicrophoneSelectLabels = {
  label: 'Microphone',
  defaultDevice: ({ name }) => (name === null ? 'Default' : `Default (${name})`),
  unnamedDevice: ({ index }) => `Microphone ${index}`,
  allowAccess: 'Allow microphone',
  unsupported: 'No microphone access here: it needs a browser and a secure (https) page.',
  noDevice: 'No microphone found. Plug one in to choose it here.',
  deviceRemoved: ({ name }) => `${name} was disconnected. Using the default microphone.`,
  errors: defaultMicrophoneErrorMessages,
};

/** One option of the picker. */
export interface MicrophoneOption {
  /** What `select` takes: a device id, or null for the browser's default. */
  deviceId: string | null;
  /** The `<option>` value: the device id, `''` for the default. */
  value: string;
  /** The name to show ("Default (MacBook Pro Microphone)", "USB headset", "Microphone 2"). */
  label: string;
}

/** Options of {@link useMicrophoneSelect}; `<MicrophoneSelect>` takes the same as props. */
export interface UseMicrophoneSelectOptions {
  /** An explicit session instead of the provider's. */
  session?: RealtimeSession;
  /**
   * Instead of `navigator.mediaDevices` (read only in effects, never at import or render): a fake in
   * tests and stories. Keep the same object across renders: a new one lists the devices again.
   */
  mediaDevices?: MicrophoneMediaDevices;
  labels?: MicrophoneSelectLabelOverrides;
  /** Called with the device id (null: default) once the session switched to it. */
  onDeviceChange?: (deviceId: string | null) => void;
}

/** Select props as the hook takes and returns them, `ref` included. */
export type MicrophoneSelectElementProps = SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> };

/** Props of the element that wraps the picker: its state as `data-*` attributes for styling. */
export type MicrophoneSelectRootProps = HTMLAttributes<HTMLElement> & {
  'data-names-visible': boolean;
  'data-pending'?: true;
  'data-disabled-reason'?: MicrophoneSelectDisabledReason;
  'data-error'?: MicrophoneError['kind'];
};

/** What {@link useMicrophoneSelect} returns: the devices, the choice, actions and prop getters. */
export interface UseMicrophoneSelectResult {
  /** The options to show: the default first, then each microphone once. */
  microphones: readonly MicrophoneOption[];
  /** The microphone in use (`state.microphoneDeviceId`), or the one being switched to; null: default. */
  selectedId: string | null;
  /** True while the session switches microphones. */
  pending: boolean;
  /** True once the browser shows names (access allowed); until then they read "Microphone 1"... */
  namesVisible: boolean;
  /** True when asking for access makes sense now: names hidden, a microphone present, `getUserMedia` here. */
  canRequestPermission: boolean;
  /** True while the browser asks the user for access. */
  requestingPermission: boolean;
  disabledReason: MicrophoneSelectDisabledReason | null;
  /** The last failure (switching, asking, listing), typed; cleared by the next attempt. */
  error: MicrophoneError | null;
  /** What the status region says: why the picker is disabled, or that the chosen microphone went away. */
  statusText: string | null;
  status: ConnectionStatus;
  labels: MicrophoneSelectLabels;
  /** Switch to this microphone (null: default). Resolves to whether it worked; a failure reverts the choice and sets `error`. */
  select(deviceId: string | null): Promise<boolean>;
  /** Ask for microphone access (then release it), so the names show. Resolves to whether it was allowed. */
  requestPermission(): Promise<boolean>;
  /** List the microphones again. */
  refresh(): Promise<void>;
  getRootProps(props?: HTMLAttributes<HTMLElement>): MicrophoneSelectRootProps;
  /** Props of the `<select>`: value, change to switch, disabled with a reason, described by the status and error. User handlers run first. */
  getSelectProps(props?: MicrophoneSelectElementProps): MicrophoneSelectElementProps;
  /** Props of the "Allow microphone" button. */
  getPermissionButtonProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement>;
  labelProps: LabelHTMLAttributes<HTMLLabelElement>;
  /** Props of the element that shows `statusText`: a polite live region, always rendered. */
  statusProps: HTMLAttributes<HTMLElement> & { id: string };
  /** Props of the element that shows `error.message`: an alert, always rendered (empty when no error). */
  errorProps: HTMLAttributes<HTMLElement> & { id: string };
}

const selectStatus = (state: SessionState) => state.status;
const selectMicrophone = (state: SessionState) => state.microphoneDeviceId;

function joinIds(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

function mergeLabels(overrides: MicrophoneSelectLabelOverrides | undefined): MicrophoneSelectLabels {
  const defaults = defaultMicrophoneSelectLabels;
  return { ...defaults, ...overrides, errors: { ...defaults.errors, ...overrides?.errors } };
}

function deviceName(device: MicrophoneDevice, index: number, labels: MicrophoneSelectLabels): string {
  return device.label === '' ? resolveLabel(labels.unnamedDevice, { index: index + 1 }) : device.label;
}

/**
 * The headless microphone picker: the audio inputs of this browser, the one the session uses,
 * and actions to switch (`session.setMicrophoneDevice`, without reconnecting) and to ask for
 * access, with props for a label, a `<select>`, a button and two live regions.
 *
 * - Lists with `enumerateDevices()` once mounted (nothing at import or render: SSR safe), again
 *   on `devicechange` and when the session connects (the microphone is open then, so names show).
 * - Until access is allowed browsers hide names: options read "Microphone 1", "Microphone 2",
 *   and `requestPermission()` asks (`getUserMedia`, tracks stopped at once).
 * - Chrome's `default`/`communications` entries are folded into one "Default (<name>)" option.
 * - A switch is optimistic: the new choice shows at once and reverts if it fails, with a typed
 *   `error` (`denied`, `not_found`, `in_use`, `unsupported`, `unknown`) and a message to show.
 * - If the chosen microphone is unplugged, it switches to the default and says so.
 *
 * @example
 * ```tsx
 * function MicrophoneMenu() {
 *   const mic = useMicrophoneSelect();
 *   return (
 *     <div {...mic.getRootProps()}>
 *       <label {...mic.labelProps}>{mic.labels.label}</label>
 *       <select {...mic.getSelectProps()}>
 *         {mic.microphones.map((option) => (
 *           <option key={option.value} value={option.value}>{option.label}</option>
 *         ))}
 *       </select>
 *       {mic.canRequestPermission && <button {...mic.getPermissionButtonProps()}>{mic.labels.allowAccess}</button>}
 *       <p {...mic.statusProps}>{mic.statusText}</p>
 *       <p {...mic.errorProps}>{mic.error?.message}</p>
 *     </div>
 *   );
 * }
 * ```
 */
export function useMicrophoneSelect(options: UseMicrophoneSelectOptions = {}): UseMicrophoneSelectResult {
  const { mediaDevices } = options;
  const session = useRequiredSession(options.session, 'useMicrophoneSelect');
  const status = useSessionSelector(session, selectStatus);
  const committedId = useSessionSelector(session, selectMicrophone);
  const list = useMemo(() => createMicrophoneList({ mediaDevices }), [mediaDevices]);
  const devices = useSyncExternalStore(list.subscribe, list.getSnapshot, list.getSnapshot);

  const [pending, setPending] = useState<{ deviceId: string | null } | null>(null);
  // Where the error came from: only a failed switch makes the select's value invalid.
  const [ownError, setOwnError] = useState<{ error: MicrophoneError; during: 'switch' | 'permission' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [requestingPermission, setRequestingPermission] = useState(false);

  const baseId = useId();
  const selectId = `${baseId}-select`;
  const statusId = `${baseId}-status`;
  const errorId = `${baseId}-error`;

  const labels = mergeLabels(options.labels);
  // The actions read these through a ref, so their identity stays the same across renders;
  // an insertion effect updates it before any effect of the same commit can call an action.
  const latest = useRef({ session, labels, onDeviceChange: options.onDeviceChange, list });
  useInsertionEffect(() => {
    latest.current = { session, labels, onDeviceChange: options.onDeviceChange, list };
  });
  const latestSelect = useRef(0);

  const select = useCallback(async (deviceId: string | null): Promise<boolean> => {
    const { session: current, labels: copy } = latest.current;
    const request = ++latestSelect.current;
    setPending({ deviceId });
    setOwnError(null);
    setNotice(null);
    try {
      await current.setMicrophoneDevice(deviceId);
      // A later choice overrides this one: only the last switch's outcome shows.
      if (request === latestSelect.current) {
        setPending(null);
        latest.current.onDeviceChange?.(deviceId);
      }
      return true;
    } catch (cause) {
      if (request === latestSelect.current) {
        setPending(null);
        setOwnError({ error: describeMicrophoneError(cause, copy.errors), during: 'switch' });
      }
      return false;
    }
  }, []);

  const requestPermission = useCallback(async (): Promise<boolean> => {
    setRequestingPermission(true);
    setOwnError(null);
    try {
      await latest.current.list.requestPermission();
      return true;
    } catch (cause) {
      setOwnError({ error: describeMicrophoneError(cause, latest.current.labels.errors), during: 'permission' });
      return false;
    } finally {
      setRequestingPermission(false);
    }
  }, []);

  // Connected means the transport opened the microphone: access exists, names can show now.
  useEffect(() => {
    if (status === 'connected') void list.refresh();
  }, [status, list]);

  // The chosen microphone went away (unplugged): fall back to the default and say so.
  const previousDevices = useRef<readonly MicrophoneDevice[] | null>(null);
  useEffect(() => {
    const previous = previousDevices.current;
    previousDevices.current = devices.devices;
    if (previous === null || previous === devices.devices) return;
    // Ids hidden again (access revoked) is not an unplug.
    if (devices.devices.length === 0 && devices.inputCount > 0) return;
    // The one being switched to counts as chosen: unplugged mid-switch, the switch may still
    // succeed on a track that is about to end, so it is superseded by the default at once.
    const chosen = pending ? pending.deviceId : latest.current.session.getState().microphoneDeviceId;
    if (chosen === null || devices.devices.some((device) => device.deviceId === chosen)) return;
    const index = previous.findIndex((device) => device.deviceId === chosen);
    if (index === -1) return;
    const name = deviceName(previous[index]!, index, latest.current.labels);
    void select(null).then((switched) => {
      if (switched) setNotice(resolveLabel(latest.current.labels.deviceRemoved, { name }));
    });
    // `pending` is read, not followed: only a new list of devices can unplug one.
  }, [devices, pending, select]);

  const disabledReason: MicrophoneSelectDisabledReason | null =
    devices.status === 'unsupported' ? 'unsupported' : devices.status === 'ready' && devices.inputCount === 0 ? 'no_device' : null;
  const listError = devices.error === null ? null : describeMicrophoneError(devices.error, labels.errors);
  const error = ownError?.error ?? listError;
  const statusText =
    disabledReason === 'unsupported' ? labels.unsupported : disabledReason === 'no_device' ? labels.noDevice : notice;
  const selectedId = pending ? pending.deviceId : committedId;

  const microphones: MicrophoneOption[] = [
    { deviceId: null, value: '', label: resolveLabel(labels.defaultDevice, { name: devices.defaultName }) },
    ...devices.devices.map((device, index) => ({
      deviceId: device.deviceId,
      value: device.deviceId,
      label: deviceName(device, index, labels),
    })),
  ];
  // A choice the browser does not list (not yet enumerated, or set elsewhere) still shows as chosen.
  if (selectedId !== null && !devices.devices.some((device) => device.deviceId === selectedId)) {
    microphones.push({
      deviceId: selectedId,
      value: selectedId,
      label: resolveLabel(labels.unnamedDevice, { index: devices.devices.length + 1 }),
    });
  }
  const canRequestPermission =
    devices.status === 'ready' && devices.canRequestPermission && !devices.namesVisible && devices.inputCount > 0;
  const describedBy = joinIds(statusText !== null && statusId, error !== null && errorId);

  return {
    microphones,
    selectedId,
    pending: pending !== null,
    namesVisible: devices.namesVisible,
    canRequestPermission,
    requestingPermission,
    disabledReason,
    error,
    statusText,
    status,
    labels,
    select,
    requestPermission,
    refresh: list.refresh,
    getRootProps: (props = {}) => ({
      ...props,
      'data-names-visible': devices.namesVisible,
      'data-pending': pending !== null ? true : undefined,
      'data-disabled-reason': disabledReason ?? undefined,
      'data-error': error?.kind,
    }),
    getSelectProps: (props = {}) => ({
      ...props,
      id: selectId,
      value: selectedId ?? '',
      disabled: disabledReason !== null || props.disabled,
      'aria-busy': pending !== null ? true : undefined,
      'aria-invalid': ownError?.during === 'switch' ? true : undefined,
      'aria-describedby': joinIds(props['aria-describedby'], describedBy),
      onChange: composeEventHandlers(props.onChange, (event) => {
        const value = event.currentTarget.value;
        void select(value === '' ? null : value);
      }),
    }),
    getPermissionButtonProps: (props = {}) => ({
      type: 'button',
      ...props,
      'aria-busy': requestingPermission ? true : undefined,
      onClick: composeEventHandlers(props.onClick, () => {
        if (!requestingPermission) void requestPermission();
      }),
    }),
    labelProps: { htmlFor: selectId },
    statusProps: { id: statusId, role: 'status', 'aria-live': 'polite' },
    errorProps: { id: errorId, role: 'alert' },
  };
}
