const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Makes ids shaped like the server's (`item_CEKKrWH0GiwN0ET97NUZc`): a prefix and 21 base62 characters. */
export interface IdFactory {
  /** A new id with this prefix, for example `item`, `resp`, `event`, `call`, `sess`. */
  next(prefix: string, length?: number): string;
}

/**
 * A deterministic id factory: the same seed gives the same ids, so a timeline (and a fixture
 * generated from it) is reproducible. Uses mulberry32, a tiny PRNG good enough for ids.
 *
 * @example
 * ```ts
 * const ids = createIdFactory(1);
 * ids.next('item'); // 'item_' followed by 21 letters and digits, the same on every run
 * ```
 */
export function createIdFactory(seed = 1): IdFactory {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next(prefix, length = 21) {
      let id = `${prefix}_`;
      for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
      return id;
    },
  };
}
