// PBKDF2-SHA-256 password hashes with a per-user salt, at 100,000 iterations (the most Workers' WebCrypto allows).
// Stored as "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" so the cost can rise later without a migration.

export const PBKDF2_ITERATIONS = 100_000;
const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${iterations}$${salt.toBase64()}$${(await derive(password, salt, iterations)).toBase64()}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split("$");
  if (scheme !== "pbkdf2-sha256" || !iterations || !salt || !hash) return false;
  const count = Number(iterations);
  if (!Number.isInteger(count) || count < 1 || count > PBKDF2_ITERATIONS) return false;
  try {
    const expected = Uint8Array.fromBase64(hash);
    const derived = await derive(password, Uint8Array.fromBase64(salt), count);
    // workerd's constant-time comparison; it refuses buffers of different lengths, which a stored hash never is.
    return derived.length === expected.length && crypto.subtle.timingSafeEqual(derived, expected);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the e-mail is unknown so both cases cost the same time. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = () => (decoyHash ??= hashPassword(crypto.randomUUID()));
