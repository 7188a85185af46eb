// HS256 JSON Web Tokens on WebCrypto. The algorithm is pinned: a token whose header says anything but HS256
// ("none", RS256…) is refused before its signature is even looked at, which closes alg-confusion attacks.
// Not hono/jwt: it has no clock-skew tolerance on exp/nbf, and it verifies the HMAC on every request, where this
// module verifies a token's signature once per isolate (clients send the same token for an hour) and still checks
// time, issuer and audience on every use.

const encoder = new TextEncoder();
const HEADER = { alg: "HS256", typ: "JWT" } as const;
/** Clock skew tolerated on exp/nbf and on a token's lifetime, in seconds: small and explicit. */
export const CLOCK_SKEW_SECONDS = 30;
/** How far in the future `iat` may be, in seconds: a clock a little ahead, never a token minted for later. */
export const MAX_FUTURE_IAT_SECONDS = 60;

/** What a token must match besides its signature. */
export interface JwtExpectations {
  issuer: string;
  audience: string;
  /** The longest `exp - iat` accepted (JWT_TTL_SECONDS), plus CLOCK_SKEW_SECONDS. */
  maxLifetimeSeconds: number;
  /** Seconds since the epoch; the clock by default. */
  now?: number;
}

export interface JwtClaims {
  sub: string;
  email: string;
  iat: number;
  nbf: number;
  exp: number;
  iss: string;
  aud: string;
  jti: string;
}

const base64url = (bytes: Uint8Array) => bytes.toBase64({ alphabet: "base64url", omitPadding: true });

function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    return Uint8Array.fromBase64(text, { alphabet: "base64url" });
  } catch {
    return undefined;
  }
}

const keys = new Map<string, Promise<CryptoKey>>();
/** The HMAC key of a secret, imported once per isolate. */
function hmacKey(secret: string) {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    keys.set(secret, key);
  }
  return key;
}

/** Signs claims as an HS256 JWT. */
export async function signJwt(claims: JwtClaims, secret: string): Promise<string> {
  const head = base64url(encoder.encode(JSON.stringify(HEADER)));
  const body = base64url(encoder.encode(JSON.stringify(claims)));
  const signature = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secret),
    encoder.encode(`${head}.${body}`),
  );
  return `${head}.${body}.${base64url(new Uint8Array(signature))}`;
}

export type JwtFailure =
  | "malformed"
  | "algorithm"
  | "signature"
  | "expired"
  | "not_yet_valid"
  | "issuer"
  | "audience"
  | "issued_in_future"
  | "lifetime"
  | "claims";

/**
 * Tokens whose signature already checked out, per isolate: a client sends the same token on every call for an hour,
 * so its HMAC is verified once. Only the signature is remembered; time and audience are checked on every use.
 */
const verifiedSignatures = new Map<string, { secret: string; claims: Partial<JwtClaims> }>();
const VERIFIED_CACHE_SIZE = 1000;

/**
 * Verifies an HS256 JWT: pinned algorithm, signature (constant-time, by WebCrypto), exp, nbf, iat (at most
 * MAX_FUTURE_IAT_SECONDS ahead, and `exp - iat` within the configured TTL: a token minted for a year, by a bug or
 * with a leaked key, is refused, and lowering JWT_TTL_SECONDS also shortens the tokens already issued), iss and aud.
 */
export async function verifyJwt(
  token: string,
  secret: string,
  expected: JwtExpectations,
): Promise<{ ok: true; claims: JwtClaims } | { ok: false; reason: JwtFailure }> {
  const cached = verifiedSignatures.get(token);
  if (cached?.secret === secret) return checkClaims(cached.claims, expected);
  const parts = token.split(".");
  if (parts.length !== 3 || token.length > 4096) return { ok: false, reason: "malformed" };
  const [head = "", body = "", signature = ""] = parts;
  const headerBytes = fromBase64url(head);
  const bodyBytes = fromBase64url(body);
  const signatureBytes = fromBase64url(signature);
  if (!headerBytes || !bodyBytes || !signatureBytes) return { ok: false, reason: "malformed" };

  let header: unknown;
  let claims: Partial<JwtClaims>;
  try {
    header = JSON.parse(new TextDecoder().decode(headerBytes));
    claims = JSON.parse(new TextDecoder().decode(bodyBytes));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof header !== "object" || header === null || (header as { alg?: unknown }).alg !== "HS256") {
    return { ok: false, reason: "algorithm" };
  }
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret),
    signatureBytes,
    encoder.encode(`${head}.${body}`),
  );
  if (!valid) return { ok: false, reason: "signature" };
  if (typeof claims !== "object" || claims === null) return { ok: false, reason: "claims" };
  if (verifiedSignatures.size >= VERIFIED_CACHE_SIZE)
    verifiedSignatures.delete(verifiedSignatures.keys().next().value!);
  verifiedSignatures.set(token, { secret, claims });
  return checkClaims(claims, expected);
}

/** exp/nbf (with CLOCK_SKEW_SECONDS), iat, lifetime, iss, aud and the claims' types, on every use of a token. */
function checkClaims(
  claims: Partial<JwtClaims>,
  expected: JwtExpectations,
): { ok: true; claims: JwtClaims } | { ok: false; reason: JwtFailure } {
  const now = expected.now ?? Math.floor(Date.now() / 1000);
  const { exp, nbf, iss, aud, sub, email, jti, iat } = claims;
  if (
    typeof exp !== "number" ||
    typeof nbf !== "number" ||
    typeof iat !== "number" ||
    typeof sub !== "string" ||
    typeof email !== "string"
  ) {
    return { ok: false, reason: "claims" };
  }
  if (now > exp + CLOCK_SKEW_SECONDS) return { ok: false, reason: "expired" };
  if (now + CLOCK_SKEW_SECONDS < nbf) return { ok: false, reason: "not_yet_valid" };
  if (iat > now + MAX_FUTURE_IAT_SECONDS) return { ok: false, reason: "issued_in_future" };
  if (exp - iat > expected.maxLifetimeSeconds + CLOCK_SKEW_SECONDS) return { ok: false, reason: "lifetime" };
  if (iss !== expected.issuer) return { ok: false, reason: "issuer" };
  if (aud !== expected.audience) return { ok: false, reason: "audience" };
  return { ok: true, claims: { exp, nbf, iss, aud, sub, email, jti: String(jti ?? ""), iat } };
}
