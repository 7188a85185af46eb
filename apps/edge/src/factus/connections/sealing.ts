// Secrets at rest (a connection's Factus tokens) are sealed with AES-256-GCM under a key named by an id, so keys can
// rotate: FACTUS_CONNECTION_KEYS is "id:base64url-of-32-bytes[,id:…]"; the first one seals, any listed one opens. A
// sealed value is bound to what it belongs to (`context`, e.g. the connection's id, as additional data): moved to
// another record it does not open.

export interface SealingKeys {
  current: { id: string; key: CryptoKey };
  byId: Map<string, CryptoKey>;
}

const encoder = new TextEncoder();
const base64url = (bytes: Uint8Array) => bytes.toBase64({ alphabet: "base64url", omitPadding: true });
const fromBase64url = (text: string) => Uint8Array.fromBase64(text, { alphabet: "base64url" });

/** Thrown when FACTUS_CONNECTION_KEYS is missing or malformed (its message never includes a key). */
export class SealingConfigError extends Error {}

let imported: { spec: string; keys: Promise<SealingKeys> } | undefined;

/** The keys of FACTUS_CONNECTION_KEYS, imported once per isolate. */
export function sealingKeys(spec: string | undefined): Promise<SealingKeys> {
  if (!spec) return Promise.reject(new SealingConfigError("FACTUS_CONNECTION_KEYS is not set"));
  if (imported?.spec !== spec) imported = { spec, keys: importKeys(spec) };
  return imported.keys;
}

async function importKeys(spec: string): Promise<SealingKeys> {
  const entries = spec
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const byId = new Map<string, CryptoKey>();
  let current: SealingKeys["current"] | undefined;
  for (const entry of entries) {
    const [id, material] = entry.split(":");
    const bytes = material ? fromBase64url(material) : new Uint8Array();
    if (!id || !/^[\w-]{1,16}$/.test(id) || bytes.length !== 32)
      throw new SealingConfigError("FACTUS_CONNECTION_KEYS: each entry is id:base64url of 32 random bytes");
    const key = await crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]);
    byId.set(id, key);
    current ??= { id, key };
  }
  if (!current) throw new SealingConfigError("FACTUS_CONNECTION_KEYS is empty");
  return { current, byId };
}

/** `id.iv.ciphertext`, base64url. */
export async function seal(keys: SealingKeys, plaintext: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(context) },
    keys.current.key,
    encoder.encode(plaintext),
  );
  return `${keys.current.id}.${base64url(iv)}.${base64url(new Uint8Array(sealed))}`;
}

export async function unseal(keys: SealingKeys, sealed: string, context: string): Promise<string> {
  const [id, iv, data] = sealed.split(".");
  const key = id ? keys.byId.get(id) : undefined;
  if (!key || !iv || !data)
    throw new SealingConfigError(`No key "${id}" in FACTUS_CONNECTION_KEYS opens this value`);
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64url(iv), additionalData: encoder.encode(context) },
    key,
    fromBase64url(data),
  );
  return new TextDecoder().decode(plain);
}
