export { MicrophoneSelect } from './MicrophoneSelect.tsx';
export type { MicrophoneSelectProps } from './MicrophoneSelect.tsx';
export { defaultMicrophoneSelectLabels, useMicrophoneSelect } from './useMicrophoneSelect.ts';
export type {
  MicrophoneOption,
  MicrophoneSelectDisabledReason,
  MicrophoneSelectElementProps,
  MicrophoneSelectLabelOverrides,
  MicrophoneSelectLabels,
  MicrophoneSelectRootProps,
  UseMicrophoneSelectOptions,
  UseMicrophoneSelectResult,
} from './useMicrophoneSelect.ts';
export { defaultMicrophoneErrorMessages, describeMicrophoneError } from './describeMicrophoneError.ts';
export type { MicrophoneError, MicrophoneErrorKind, MicrophoneErrorMessages } from './describeMicrophoneError.ts';
export { createMicrophoneList } from './createMicrophoneList.ts';
export type {
  MicrophoneList,
  MicrophoneListSnapshot,
  MicrophoneListStatus,
  MicrophoneMediaDevices,
} from './createMicrophoneList.ts';
export { readMicrophones } from './readMicrophones.ts';
export type { MediaDeviceInfoLike, MicrophoneDevice, MicrophoneReading } from './readMicrophones.ts';
