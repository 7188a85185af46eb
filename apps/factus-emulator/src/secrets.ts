const encoder = new TextEncoder();

/**
 * Constant-time comparison of two credentials, by workerd's `crypto.subtle.timingSafeEqual`. It refuses inputs of
 * different lengths, which are simply unequal here: the emulator's secrets are test settings, so their length is no
 * secret worth hiding.
 */
export function sameSecret(given: string, expected: string) {
  const left = encoder.encode(given);
  const right = encoder.encode(expected);
  return left.length === right.length && crypto.subtle.timingSafeEqual(left, right);
}
