// Standard Webhooks (https://www.standardwebhooks.com): a secret is `whsec_` + the base64 of its key bytes; each
// delivery attempt is signed as `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`, several
// signatures separated by spaces (a rotation signs with the new and the previous secret for a day).

const PREFIX = "whsec_";
const encoder = new TextEncoder();

/** A new secret: 24 random bytes, as the specification suggests (between 24 and 64). */
export const newWebhookSecret = () => PREFIX + crypto.getRandomValues(new Uint8Array(24)).toBase64();

async function hmacKey(secret: string) {
  const bytes = Uint8Array.fromBase64(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret);
  return crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/** The `webhook-signature` header of one attempt: one `v1,…` per secret. */
export async function signWebhook(secrets: string[], id: string, timestamp: number, body: string) {
  const signed = encoder.encode(`${id}.${timestamp}.${body}`);
  const signatures = await Promise.all(
    secrets.map(async (secret) => {
      const mac = await crypto.subtle.sign("HMAC", await hmacKey(secret), signed);
      return `v1,${new Uint8Array(mac).toBase64()}`;
    }),
  );
  return signatures.join(" ");
}
