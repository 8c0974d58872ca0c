const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * An id in the API's style: a prefix and 21 random characters (`item_CEKKrWH0GiwN0ET97NUZc`).
 *
 * @example
 * ```ts
 * emulatorId('item'); // 'item_Xq3...'
 * ```
 */
export function emulatorId(prefix: string): string {
  let id = '';
  for (let i = 0; i < 21; i++) id += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return `${prefix}_${id}`;
}
