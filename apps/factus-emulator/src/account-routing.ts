// The emulator serves one Factus account per Durable Object. Tokens carry their account so the Worker entry can
// route every call to the right object without a lookup: `<base64url(username)>.<random hex>`.

const encode = (text: string) =>
  new TextEncoder().encode(text).toBase64({ alphabet: "base64url", omitPadding: true });

function decode(tag: string): string | undefined {
  try {
    const text = new TextDecoder().decode(Uint8Array.fromBase64(tag, { alphabet: "base64url" }));
    return /^[^\s@]+@[^\s@]+$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** A new opaque token that names its account. */
export function accountToken(username: string): string {
  return `${encode(username.toLowerCase())}.${crypto.getRandomValues(new Uint8Array(32)).toHex()}`;
}

/** The account a token belongs to, when it is one of ours. */
export const accountOfToken = (token: string) => decode(token.split(".")[0] ?? "");

/** Which account a request is for: the grant's username, the token's account, or X-Emulator-Account (admin). */
export async function accountOfRequest(request: Request, fallback: string): Promise<string> {
  const url = new URL(request.url);
  if (url.pathname === "/oauth/token" && request.method === "POST") {
    const type = request.headers.get("content-type") ?? "";
    const text = await request.clone().text();
    const fields: Record<string, unknown> = type.includes("json")
      ? (() => {
          try {
            return JSON.parse(text);
          } catch {
            return {};
          }
        })()
      : Object.fromEntries(new URLSearchParams(text));
    if (typeof fields.username === "string" && fields.grant_type === "password")
      return fields.username.toLowerCase();
    if (typeof fields.refresh_token === "string") return accountOfToken(fields.refresh_token) ?? fallback;
    return fallback;
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer) return accountOfToken(bearer) ?? fallback;
  return request.headers.get("x-emulator-account")?.toLowerCase() ?? fallback;
}
