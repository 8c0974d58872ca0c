import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultMicrophoneErrorMessages, MicrophoneSelect } from '../../../src/components/index.ts';
import type { MicrophoneErrorKind, MicrophoneSelectProps } from '../../../src/components/index.ts';
import { RealtimeTransportError } from '../../../src/core/transport/RealtimeTransportError.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeMediaDevices, microphone, type FakeMediaDevices } from './fakeMediaDevices.ts';
import { createSwitchingSession } from './switchingSession.ts';

afterEach(cleanup);

/** The accessible description: the text of the elements `aria-describedby` names, in order. */
function descriptionOf(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const chromeDevices = () => [
  microphone('default', 'Default - USB Headset', 'group-usb'),
  microphone('usb', 'USB Headset'),
  microphone('built', 'Built-in Microphone'),
  { deviceId: 'spk', groupId: 'g', kind: 'audiooutput', label: 'Speakers' },
];

function setup(
  fake: FakeMediaDevices | undefined,
  props: MicrophoneSelectProps = {},
  sessionOptions: Parameters<typeof createSwitchingSession>[0] = {},
) {
  const switching = createSwitchingSession(sessionOptions);
  render(
    <RealtimeProvider session={switching.session} autoConnect={false}>
      <MicrophoneSelect mediaDevices={fake} {...props} />
    </RealtimeProvider>,
  );
  const select = screen.getByRole('combobox', { name: 'Microphone' }) as HTMLSelectElement;
  const optionNames = () => within(select).getAllByRole('option').map((option) => option.textContent);
  return { ...switching, select, optionNames };
}

async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    fireEvent.change(select, { target: { value } });
  });
}

describe('MicrophoneSelect: the list', () => {
  it('lists the microphones under a labelled select, the default once with its name', async () => {
    const { select, optionNames } = setup(createFakeMediaDevices(chromeDevices()));
    await screen.findByRole('option', { name: 'USB Headset' });
    expect(optionNames()).toEqual(['Default (USB Headset)', 'USB Headset', 'Built-in Microphone']);
    expect(select.value).toBe('');
    expect(select.disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Allow microphone' })).toBeNull();
  });

  it('before access: hides names and offers "Allow microphone", which asks and then shows them', async () => {
    const fake = createFakeMediaDevices(chromeDevices(), { permission: 'prompt' });
    const { optionNames } = setup(fake);
    const allow = await screen.findByRole('button', { name: 'Allow microphone' });
    expect(optionNames()).toEqual(['Default']);
    await act(async () => {
      fireEvent.click(allow);
    });
    expect(fake.getUserMediaCalls).toEqual([{ audio: true }]);
    expect(fake.stoppedTracks).toBe(1);
    expect(optionNames()).toEqual(['Default (USB Headset)', 'USB Headset', 'Built-in Microphone']);
    expect(screen.queryByRole('button', { name: 'Allow microphone' })).toBeNull();
  });

  it('numbers microphones whose names are hidden ("Microphone 1", "Microphone 2")', async () => {
    const fake = createFakeMediaDevices([microphone('a', ''), microphone('b', '')]);
    const { optionNames } = setup(fake);
    await screen.findByRole('option', { name: 'Microphone 2' });
    expect(optionNames()).toEqual(['Default', 'Microphone 1', 'Microphone 2']);
    expect(screen.getByRole('button', { name: 'Allow microphone' }).isConnected).toBe(true);
  });

  it('can leave the permission button out', async () => {
    const fake = createFakeMediaDevices(chromeDevices(), { permission: 'prompt' });
    render(
      <RealtimeProvider session={createSwitchingSession().session} autoConnect={false}>
        <MicrophoneSelect mediaDevices={fake} labels={{ label: 'With' }} />
        <MicrophoneSelect mediaDevices={fake} labels={{ label: 'Without' }} showPermissionButton={false} />
      </RealtimeProvider>,
    );
    // Both listed the same hidden devices; only the first offers to ask.
    await screen.findByRole('button', { name: 'Allow microphone' });
    const without = screen.getByRole('combobox', { name: 'Without' }).closest('div[data-names-visible]')!;
    expect(without.getAttribute('data-names-visible')).toBe('false');
    expect(within(without as HTMLElement).queryByRole('button')).toBeNull();
  });

  it('shows the names once the session connects (the transport opened the microphone)', async () => {
    const fake = createFakeMediaDevices(chromeDevices(), { permission: 'prompt' });
    const { session, optionNames } = setup(fake);
    await screen.findByRole('button', { name: 'Allow microphone' });
    // The transport's own getUserMedia was allowed: no devicechange comes, the connect must re-list.
    fake.permission = 'granted';
    await act(() => session.connect());
    await screen.findByRole('option', { name: 'USB Headset' });
    expect(optionNames()).toEqual(['Default (USB Headset)', 'USB Headset', 'Built-in Microphone']);
  });

  it('follows microphones plugged in and out', async () => {
    const fake = createFakeMediaDevices(chromeDevices());
    const { optionNames, switches } = setup(fake);
    await screen.findByRole('option', { name: 'USB Headset' });
    act(() => fake.plug(microphone('cam', 'Webcam Microphone')));
    await screen.findByRole('option', { name: 'Webcam Microphone' });
    act(() => fake.unplug('built'));
    await waitFor(() => expect(optionNames()).toEqual(['Default (USB Headset)', 'USB Headset', 'Webcam Microphone']));
    // Not the chosen one: nothing to switch.
    expect(switches).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('falls back to the default, and says so, when the chosen microphone is unplugged', async () => {
    const fake = createFakeMediaDevices(chromeDevices());
    const { select, session, switches } = setup(fake);
    await screen.findByRole('option', { name: 'Built-in Microphone' });
    await choose(select, 'built');
    expect(session.getState().microphoneDeviceId).toBe('built');
    act(() => fake.unplug('built'));
    await waitFor(() => expect(switches).toEqual(['built', null]));
    await waitFor(() => expect(session.getState().microphoneDeviceId).toBeNull());
    expect(select.value).toBe('');
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Built-in Microphone was disconnected. Using the default microphone.'));
    expect(descriptionOf(select)).toBe('Built-in Microphone was disconnected. Using the default microphone.');
  });

  it('falls back to the default when the microphone being switched to is unplugged before the switch settles', async () => {
    const fake = createFakeMediaDevices(chromeDevices());
    const { select, session, switches, resolveSwitch, optionNames } = setup(fake, {}, { settle: 'manual' });
    await screen.findByRole('option', { name: 'Built-in Microphone' });
    await choose(select, 'built');
    // Unplugged while the transport still opens it: the switch may yet succeed on a dying track.
    act(() => fake.unplug('built'));
    await waitFor(() => expect(switches).toEqual(['built', null]));
    await act(async () => resolveSwitch());
    await act(async () => resolveSwitch());
    expect(session.getState().microphoneDeviceId).toBeNull();
    expect(select.value).toBe('');
    expect(optionNames()).toEqual(['Default (USB Headset)', 'USB Headset']);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Built-in Microphone was disconnected. Using the default microphone.'),
    );
  });

  it('is disabled with its reason where there is no microphone API (jsdom has no navigator.mediaDevices)', async () => {
    expect(navigator.mediaDevices).toBeUndefined();
    const { select } = setup(undefined);
    await waitFor(() => expect(select.disabled).toBe(true));
    expect(descriptionOf(select)).toMatch(/No microphone access here/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('is disabled with its reason when there is no microphone at all', async () => {
    const { select } = setup(createFakeMediaDevices([{ deviceId: 'spk', groupId: 'g', kind: 'audiooutput', label: 'Speakers' }]));
    await waitFor(() => expect(select.disabled).toBe(true));
    expect(descriptionOf(select)).toBe('No microphone found. Plug one in to choose it here.');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('MicrophoneSelect: switching', () => {
  it('switches the session, shows the choice at once, is busy until switched, then reports it', async () => {
    const onDeviceChange = vi.fn();
    const { select, session, switches, resolveSwitch } = setup(
      createFakeMediaDevices(chromeDevices()),
      { onDeviceChange },
      { settle: 'manual' },
    );
    await screen.findByRole('option', { name: 'USB Headset' });
    await choose(select, 'usb');
    expect(switches).toEqual(['usb']);
    expect(select.value).toBe('usb');
    expect(select?.getAttribute('aria-busy')).toBe('true');
    expect(session.getState().microphoneDeviceId).toBeNull();
    expect(onDeviceChange).not.toHaveBeenCalled();
    await act(async () => resolveSwitch());
    expect(session.getState().microphoneDeviceId).toBe('usb');
    expect(select.value).toBe('usb');
    expect(select.getAttribute('aria-busy')).toBeNull();
    expect(onDeviceChange).toHaveBeenCalledWith('usb');
    // The default again: null, not the "default" pseudo-device.
    await choose(select, '');
    await act(async () => resolveSwitch());
    expect(switches).toEqual(['usb', null]);
    expect(session.getState().microphoneDeviceId).toBeNull();
  });

  const failures: [string, MicrophoneErrorKind, Error][] = [
    ['access refused', 'denied', new RealtimeTransportError('microphone_denied', 'x', { cause: new DOMException('d', 'NotAllowedError') })],
    ['device gone', 'not_found', new RealtimeTransportError('microphone_unavailable', 'x', { cause: new DOMException('n', 'NotFoundError') })],
    ['device busy', 'in_use', new RealtimeTransportError('microphone_unavailable', 'x', { cause: new DOMException('r', 'NotReadableError') })],
    ['transport cannot', 'unsupported', new RealtimeTransportError('unsupported', 'x')],
    ['anything else', 'unknown', new Error('boom')],
  ];

  it.each(failures)('a failed switch (%s) reverts the choice and shows the %s error in an alert linked to the select', async (_, kind, error) => {
    const { select, session, failNextSwitch } = setup(createFakeMediaDevices(chromeDevices()));
    await screen.findByRole('option', { name: 'USB Headset' });
    await choose(select, 'built');
    failNextSwitch(error);
    await choose(select, 'usb');
    expect(select.value).toBe('built');
    expect(session.getState().microphoneDeviceId).toBe('built');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(defaultMicrophoneErrorMessages[kind]);
    expect(descriptionOf(select)).toBe(defaultMicrophoneErrorMessages[kind]);
    expect(select?.getAttribute('aria-invalid')).toBe('true');
    expect(select.closest('.rrk-microphone-select')?.getAttribute('data-error')).toBe(kind);
    // The next successful switch clears it.
    await choose(select, '');
    expect(alert.textContent).toBe('');
    expect(select.getAttribute('aria-describedby')).toBeNull();
  });

  it('says unsupported on a transport that cannot switch (the session rejects for it)', async () => {
    const { select, transport } = setup(createFakeMediaDevices(chromeDevices()));
    delete transport.setMicrophoneDevice;
    await screen.findByRole('option', { name: 'USB Headset' });
    await choose(select, 'usb');
    expect(screen.getByRole('alert').textContent).toBe(defaultMicrophoneErrorMessages.unsupported);
    expect(select.value).toBe('');
  });

  it('shows only the last choice when switches overlap: an earlier failure does not revert a later one', async () => {
    const { select, session, resolveSwitch, rejectSwitch } = setup(createFakeMediaDevices(chromeDevices()), {}, { settle: 'manual' });
    await screen.findByRole('option', { name: 'USB Headset' });
    await choose(select, 'usb');
    await choose(select, 'built');
    await act(async () => rejectSwitch(new RealtimeTransportError('microphone_unavailable', 'x')));
    expect(select.value).toBe('built');
    expect(screen.getByRole('alert').textContent).toBe('');
    await act(async () => resolveSwitch());
    expect(session.getState().microphoneDeviceId).toBe('built');
  });

  it("lets the select's onChange keep the microphone with preventDefault()", async () => {
    const { select, switches } = setup(createFakeMediaDevices(chromeDevices()), {
      selectProps: { onChange: (event) => event.preventDefault() },
    });
    await screen.findByRole('option', { name: 'USB Headset' });
    await choose(select, 'usb');
    expect(switches).toEqual([]);
    expect(select.value).toBe('');
  });

  it('a refused access request shows the denied error', async () => {
    const fake = createFakeMediaDevices(chromeDevices(), { permission: 'denied' });
    const { select } = setup(fake);
    const allow = await screen.findByRole('button', { name: 'Allow microphone' });
    await act(async () => {
      fireEvent.click(allow);
    });
    expect(screen.getByRole('alert').textContent).toBe(defaultMicrophoneErrorMessages.denied);
    expect(descriptionOf(select)).toBe(defaultMicrophoneErrorMessages.denied);
    // Nothing wrong with the select's value: it is the access that was refused.
    expect(select.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('MicrophoneSelect: markup', () => {
  it('is unstyled on request (no kit class anywhere) and keeps className, labels and a forwarded ref', async () => {
    const ref = { current: null as HTMLDivElement | null };
    const { container } = render(
      <RealtimeProvider session={createSwitchingSession().session} autoConnect={false}>
        <MicrophoneSelect
          ref={ref}
          unstyled
          className="mine"
          mediaDevices={createFakeMediaDevices(chromeDevices(), { permission: 'prompt' })}
          labels={{ label: 'Mikrofon', allowAccess: 'Mikrofon erlauben', defaultDevice: 'Standard' }}
        />
      </RealtimeProvider>,
    );
    await screen.findByRole('button', { name: 'Mikrofon erlauben' });
    expect(screen.getByRole('combobox', { name: 'Mikrofon' }).isConnected).toBe(true);
    expect(screen.getByRole('option', { name: 'Standard' }).isConnected).toBe(true);
    expect(ref.current).toBe(container.firstElementChild);
    expect(ref.current?.className).toBe('mine');
    expect(container.querySelector('[class*="rrk-"]')).toBeNull();
    // The icon is decoration only.
    expect(container.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});
