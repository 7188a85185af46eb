// Where a webhook may be sent. A company's systems are on the public internet behind https; an address inside a
// network (private, loopback, link-local such as the cloud metadata 169.254.169.254, carrier-grade NAT) is refused so
// an endpoint cannot turn the gateway against what sits next to it. Checked on the URL as written (the WHATWG parser
// already turns 0x7f.1 or 2130706433 into 127.0.0.1); names are not resolved (a Worker cannot), and Cloudflare's
// own network does not route a Worker's fetch into private ranges either.

const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // 127/8 loopback
  [0xa9fe0000, 16], // 169.254/16 link-local, cloud metadata
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xc0000000, 24], // 192.0.0/24 protocol assignments
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xe0000000, 3], // multicast and reserved (224/3)
];

function isPrivateV4(host: string) {
  const parts = host.split(".").map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255))
    return false;
  const address = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  return PRIVATE_V4.some(([base, bits]) => address >>> (32 - bits) === base >>> (32 - bits));
}

function isPrivateV6(bracketed: string) {
  const host = bracketed.slice(1, -1).toLowerCase();
  if (host === "::" || host === "::1") return true;
  // IPv4-mapped (::ffff:10.0.0.1, written by the parser as ::ffff:a00:1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const high = Number.parseInt(mapped[1]!, 16);
    const low = Number.parseInt(mapped[2]!, 16);
    return isPrivateV4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return /^(f[cd]|fe[89ab])/.test(host); // fc00::/7 unique local, fe80::/10 link-local
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|home\.arpa|localdomain)$/i;

/** Why a webhook URL is refused, or undefined when it may be used. */
export function webhookUrlProblem(text: string, allowPrivate: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "no es una URL";
  }
  if (url.username || url.password) return "no puede llevar usuario ni contraseña";
  if (allowPrivate)
    return url.protocol === "https:" || url.protocol === "http:" ? undefined : "debe ser http(s)";
  if (url.protocol !== "https:") return "debe ser https";
  const host = url.hostname;
  if (
    host.startsWith("[")
      ? isPrivateV6(host)
      : isPrivateV4(host) || LOCAL_NAMES.test(host) || !host.includes(".")
  )
    return "no puede apuntar a una dirección privada, de loopback o link-local";
  return undefined;
}
