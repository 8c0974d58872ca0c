// Test-only: watch what the kit's audio player actually renders, on the AudioContext clock.
// Every GainNode the page connects to an AudioContext's destination (the WebSocket transport's
// player output) is also connected to an AudioWorklet that looks at each render quantum and
// reports when the output turns audible or silent, stamped with the quantum's context time.
// The barge-in measurement (measureBargeIn.ts) compares those stamps with the context time at
// which `input_audio_buffer.speech_started` reached the page. Installed only on request (?tap=output).

/** One change of the rendered output, in the AudioContext's seconds. */
export interface OutputTransition {
  sounding: boolean;
  /** Context time of the first render quantum in the new state. */
  time: number;
}

// Peak below this (-80 dBFS) is silence: a stopped source renders exact zeros.
const WORKLET_SOURCE = `
class E2EOutputTap extends AudioWorkletProcessor {
  constructor() { super(); this.sounding = false; }
  process(inputs) {
    let peak = 0;
    for (const channel of inputs[0] ?? []) {
      for (let i = 0; i < channel.length; i++) { const v = Math.abs(channel[i]); if (v > peak) peak = v; }
    }
    const sounding = peak > 1e-4;
    if (sounding !== this.sounding) {
      this.sounding = sounding;
      this.port.postMessage({ sounding, time: currentTime });
    }
    return true;
  }
}
registerProcessor('e2e-output-tap', E2EOutputTap);
`;

/**
 * Patch `AudioContext` and `AudioNode.prototype.connect` so that each context gets a tap and
 * each GainNode connected to its destination feeds it. Call before the kit creates a context.
 */
export function installOutputTap(transitions: OutputTransition[]): void {
  const moduleUrl = URL.createObjectURL(new Blob([WORKLET_SOURCE], { type: 'text/javascript' }));
  const taps = new WeakMap<BaseAudioContext, Promise<AudioWorkletNode>>();

  const tapOf = (context: BaseAudioContext): Promise<AudioWorkletNode> => {
    let tap = taps.get(context);
    if (!tap) {
      tap = context.audioWorklet.addModule(moduleUrl).then(() => {
        const node = new AudioWorkletNode(context, 'e2e-output-tap', { numberOfOutputs: 1 });
        node.port.onmessage = (message: MessageEvent<OutputTransition>) => transitions.push(message.data);
        // Pulled by the destination so it runs every quantum; it never writes its output (silence).
        connect.call(node, context.destination);
        return node;
      });
      taps.set(context, tap);
    }
    return tap;
  };

  const connect = AudioNode.prototype.connect as (this: AudioNode, destination: AudioNode) => AudioNode;
  AudioNode.prototype.connect = function (this: AudioNode, destination: AudioNode | AudioParam, ...rest: number[]) {
    const result = (connect as (...args: unknown[]) => unknown).call(this, destination, ...rest);
    if (this instanceof GainNode && destination instanceof AudioDestinationNode) {
      void tapOf(this.context).then((tap) => connect.call(this, tap));
    }
    return result;
  } as typeof AudioNode.prototype.connect;
}
