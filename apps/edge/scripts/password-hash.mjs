// Node side of src/auth/passwords.ts: the same PBKDF2-SHA-256 format, so users created by scripts log in.
import { webcrypto } from "node:crypto";

export const PBKDF2_ITERATIONS = 100_000;

/** @param {string} password */
export async function hashPassword(password) {
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const key = await webcrypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await webcrypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: PBKDF2_ITERATIONS },
    key,
    256,
  );
  const b64 = (/** @type {Uint8Array} */ bytes) => Buffer.from(bytes).toString("base64");
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${b64(salt)}$${b64(new Uint8Array(bits))}`;
}
