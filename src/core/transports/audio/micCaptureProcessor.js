// The WebSocket transport's microphone capture, as its own file: a page whose
// Content-Security-Policy refuses blob: scripts loads it from its own origin (bundlers emit it
// through the kit's `new URL(..., import.meta.url)` reference). The same code is in
// micCaptureWorklet.ts for the blob: fallback; a test keeps the two identical.
/* global AudioWorkletProcessor, registerProcessor */
class MicCaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.batch = new Float32Array(1024);
    this.filled = 0;
  }
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) {
      let offset = 0;
      while (offset < channel.length) {
        const take = Math.min(this.batch.length - this.filled, channel.length - offset);
        this.batch.set(channel.subarray(offset, offset + take), this.filled);
        this.filled += take;
        offset += take;
        if (this.filled === this.batch.length) {
          this.port.postMessage(this.batch, [this.batch.buffer]);
          this.batch = new Float32Array(1024);
          this.filled = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor("rrk-mic-capture", MicCaptureProcessor);
