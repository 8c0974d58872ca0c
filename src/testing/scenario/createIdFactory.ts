const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Makes ids shaped like the server's (`item_CEKKrWH0GiwN0ET97NUZc`): a prefix and 21 base62 characters. */
export interface IdFactory {
  /** A new id with this prefix, for example `item`, `resp`, `event`, `call`, `sess`. */
  next(prefix: string, length?: number): string;
}

/**
 * A deterministic id factory: the same seed gives the same ids, so a timeline (and a fixture
 * generated from it) is reproducible. Uses mulberry32, a tiny PRNG good enough for ids.
 * `tag`, when given, starts every id (in place of that many random characters): factories with
 * different tags can never make the same id.
 *
 * @example
 * ```ts
 * const ids = createIdFactory(1);
 * ids.next('item'); // 'item_' followed by 21 letters and digits, the same on every run
 * ```
 */
export function createIdFactory(seed = 1, tag = ''): IdFactory {
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
      let id = `${prefix}_${tag}`;
      for (let i = tag.length; i < length; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
      return id;
    },
  };
}

let instances = 0;
const TAG_SPACE = 62 ** 4;

/**
 * An id factory whose ids no other factory of this process makes: each call gets its own
 * 4-character tag (a scrambled counter) and seed. What `scenario()` uses without a `seed`.
 *
 * @example
 * ```ts
 * createUniqueIdFactory().next('item') !== createUniqueIdFactory().next('item'); // true
 * ```
 */
export function createUniqueIdFactory(): IdFactory {
  const n = ++instances;
  // A bijection of the counter (9_999_991 is coprime with 62^4), so tags look random but never repeat.
  let code = (n * 9_999_991) % TAG_SPACE;
  let tag = '';
  for (let i = 0; i < 4; i++) {
    tag += ALPHABET[code % 62];
    code = Math.floor(code / 62);
  }
  return createIdFactory(0x9e3779b9 ^ n, tag);
}
