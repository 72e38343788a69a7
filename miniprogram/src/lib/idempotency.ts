// The server only needs the key to be unique per customer; it is not a secret. Math.random is
// the one random source every mini-program base library offers synchronously.
/** A fresh 32-character hex Idempotency-Key: 12 digits of millisecond time + 20 random. */
export function newIdempotencyKey(): string {
  let key = Date.now().toString(16).padStart(12, '0');
  while (key.length < 32) key += Math.floor(Math.random() * 16).toString(16);
  return key;
}
