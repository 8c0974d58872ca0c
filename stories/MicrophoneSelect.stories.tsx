import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  createRealtimeSession,
  defaultMicrophoneErrorMessages,
  MicrophoneSelect,
  RealtimeProvider,
  RealtimeTransportError,
} from '../src/index.ts';
import type { RealtimeSession } from '../src/index.ts';
import { createMockTransport } from '../src/testing/index.ts';
import type { MockTransport } from '../src/testing/index.ts';
import { createStoryMediaDevices, storyMicrophone, type StoryMediaDevices } from './support/fakeMediaDevices.ts';
import { WAIT } from './support/wait.ts';

/** A laptop as Chrome lists it: its default entry, the built-in microphone, a headset, earbuds. */
function laptopMicrophones() {
  return [
    storyMicrophone('default', 'Default - MacBook Pro Microphone (Built-in)', 'group-built-in'),
    storyMicrophone('built-in', 'MacBook Pro Microphone (Built-in)'),
    storyMicrophone('usb', 'USB Headset'),
    storyMicrophone('airpods', 'AirPods Pro'),
    { deviceId: 'speakers', groupId: 'group-built-in', kind: 'audiooutput', label: 'MacBook Pro Speakers (Built-in)' },
  ];
}

const LAPTOP_OPTIONS = ['Default (MacBook Pro Microphone (Built-in))', 'MacBook Pro Microphone (Built-in)', 'USB Headset', 'AirPods Pro'];

interface PageProps {
  theme?: 'light' | 'dark';
  /** `laptop`: three named microphones; `none`: speakers only. */
  devices?: 'laptop' | 'none';
  permission?: StoryMediaDevices['permission'];
  /** The headset, plugged in this long after the page opens. */
  plugHeadsetAfterMs?: number;
  /** Switching to this device fails as a microphone held by another app does. */
  deviceInUse?: string;
  autoConnect?: boolean;
}

interface Stage {
  session: RealtimeSession;
  transport: MockTransport;
  mediaDevices: StoryMediaDevices;
}

// What the play functions check beyond the screen: the calls the session made on the mock transport.
let stage: Stage | null = null;
const currentStage = (): Stage => {
  if (!stage) throw new Error('The story page has not mounted.');
  return stage;
};

function createStage({ devices = 'laptop', permission, deviceInUse, plugHeadsetAfterMs }: PageProps): Stage {
  const initial = devices === 'none' ? [] : laptopMicrophones();
  const mediaDevices = createStoryMediaDevices(
    plugHeadsetAfterMs === undefined ? initial : initial.filter((device) => device.deviceId !== 'usb'),
    { permission },
  );
  const transport = createMockTransport({
    microphoneDeviceError: (deviceId) =>
      deviceId !== null && deviceId === deviceInUse
        ? new RealtimeTransportError('microphone_unavailable', 'Could not start audio source', {
            cause: new DOMException('Could not start audio source', 'NotReadableError'),
          })
        : undefined,
  });
  const session = createRealtimeSession({ transport, idle: { timeoutMs: null } });
  return { session, transport, mediaDevices };
}

function MicrophonePage(props: PageProps) {
  const { theme, autoConnect = true, plugHeadsetAfterMs } = props;
  const [page] = useState(() => createStage(props));
  useEffect(() => {
    stage = page;
    const plugIn =
      plugHeadsetAfterMs === undefined
        ? undefined
        : setTimeout(() => page.mediaDevices.plug(storyMicrophone('usb', 'USB Headset')), plugHeadsetAfterMs);
    return () => {
      clearTimeout(plugIn);
      page.session.disconnect();
    };
  }, [page, plugHeadsetAfterMs]);
  return (
    <RealtimeProvider session={page.session} autoConnect={autoConnect}>
      <div
        data-theme={theme}
        style={{ display: 'grid', gap: '0.75rem', maxWidth: '28rem', padding: '1.25rem', borderRadius: 12, background: 'var(--rrk-color-bg)' }}
      >
        <MicrophoneSelect mediaDevices={page.mediaDevices} />
      </div>
    </RealtimeProvider>
  );
}

const meta: Meta<typeof MicrophonePage> = {
  title: 'Components/MicrophoneSelect',
  component: MicrophonePage,
};

export default meta;
type Story = StoryObj<typeof MicrophonePage>;

function microphoneSelect(canvasElement: HTMLElement): HTMLSelectElement {
  return within(canvasElement).getByRole<HTMLSelectElement>('combobox', { name: 'Microphone' });
}

const optionNames = (select: HTMLSelectElement) => within(select).getAllByRole('option').map((option) => option.textContent);

async function switchToHeadset(canvasElement: HTMLElement) {
  const select = microphoneSelect(canvasElement);
  await waitFor(() => expect(optionNames(select)).toEqual(LAPTOP_OPTIONS), WAIT);
  await waitFor(() => expect(currentStage().session.getState().status).toBe('connected'), WAIT);
  await userEvent.selectOptions(select, 'USB Headset');
  await waitFor(() => expect(currentStage().transport.microphoneDeviceId).toBe('usb'), WAIT);
  await expect(currentStage().transport.calls).toContainEqual({ method: 'setMicrophoneDevice', deviceId: 'usb' });
  await expect(select).toHaveValue('usb');
  await expect(within(canvasElement).getByRole('alert')).toBeEmptyDOMElement();
}

/**
 * Focused from the keyboard, the select draws an outline (transparent in the default theme,
 * where its focus ring is a shadow): forced colours (Windows High Contrast) drop shadows and
 * paint outlines in their own colour, so without one the focus would not show there.
 */
async function expectFocusOutline(canvasElement: HTMLElement) {
  const select = microphoneSelect(canvasElement);
  select.focus();
  await expect(select.matches(':focus-visible')).toBe(true);
  await expect(getComputedStyle(select).outlineStyle).not.toBe('none');
  select.blur();
}

/** Three microphones by name, the default first and once; picking one switches the running session. */
export const Default: Story = {
  args: { theme: 'light' },
  play: async ({ canvasElement }) => {
    await expectFocusOutline(canvasElement);
    await switchToHeadset(canvasElement);
  },
};

/** The same in the dark theme. */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: ({ canvasElement }) => switchToHeadset(canvasElement),
};

/** A headset plugged in a moment after the page opened appears; unplugged while in use, the default takes over and the page says so. */
export const PluggedInAndOut: Story = {
  args: { theme: 'light', plugHeadsetAfterMs: 2000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = microphoneSelect(canvasElement);
    await canvas.findByRole('option', { name: 'USB Headset' }, WAIT);
    await userEvent.selectOptions(select, 'USB Headset');
    await waitFor(() => expect(currentStage().transport.microphoneDeviceId).toBe('usb'), WAIT);
    currentStage().mediaDevices.unplug('usb');
    const notice = 'USB Headset was disconnected. Using the default microphone.';
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(notice), WAIT);
    await expect(select).toHaveAccessibleDescription(notice);
    await expect(select).toHaveValue('');
    await expect(currentStage().transport.microphoneDeviceId).toBeNull();
    await expect(optionNames(select)).not.toContain('USB Headset');
  },
};

/** Before the microphone is allowed the browser hides names: "Allow microphone" asks, then they show. */
export const NamesHidden: Story = {
  args: { theme: 'light', permission: 'prompt', autoConnect: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = microphoneSelect(canvasElement);
    const allow = await canvas.findByRole('button', { name: 'Allow microphone' }, WAIT);
    await expect(optionNames(select)).toEqual(['Default']);
    await userEvent.click(allow);
    await waitFor(() => expect(optionNames(select)).toEqual(LAPTOP_OPTIONS), WAIT);
    await expect(canvas.queryByRole('button', { name: 'Allow microphone' })).toBeNull();
  },
};

/** The user (or the site settings) refused the microphone: the alert says how to allow it. */
export const Denied: Story = {
  args: { theme: 'light', permission: 'denied', autoConnect: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Allow microphone' }, WAIT));
    const alert = canvas.getByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent(defaultMicrophoneErrorMessages.denied), WAIT);
    await expect(microphoneSelect(canvasElement)).toHaveAccessibleDescription(defaultMicrophoneErrorMessages.denied);
  },
};

/** Another app holds the headset: the switch fails, the choice goes back to the microphone in use, and the alert says why. */
export const InUse: Story = {
  args: { theme: 'light', deviceInUse: 'usb' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = microphoneSelect(canvasElement);
    await waitFor(() => expect(optionNames(select)).toEqual(LAPTOP_OPTIONS), WAIT);
    await userEvent.selectOptions(select, 'USB Headset');
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(defaultMicrophoneErrorMessages.in_use), WAIT);
    await expect(currentStage().transport.calls).toContainEqual({ method: 'setMicrophoneDevice', deviceId: 'usb' });
    await expect(currentStage().transport.microphoneDeviceId).toBeNull();
    await expect(select).toHaveValue('');
    await expect(select).toHaveAttribute('aria-invalid', 'true');
  },
};

/** No microphone at all: the select is disabled and says why. */
export const NoMicrophone: Story = {
  args: { theme: 'light', devices: 'none' },
  play: async ({ canvasElement }) => {
    const select = microphoneSelect(canvasElement);
    await waitFor(() => expect(select).toBeDisabled(), WAIT);
    await expect(select).toHaveAccessibleDescription('No microphone found. Plug one in to choose it here.');
  },
};
