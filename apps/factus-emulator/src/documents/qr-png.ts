import qrcode from "qrcode-generator";

// A QR code rendered to a real grayscale PNG, so that `qr_image` is a data URI a browser can show, as Factus'.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

async function zlib(data: Uint8Array): Promise<Uint8Array> {
  // "deflate" in CompressionStream is the zlib format PNG's IDAT wants.
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/** PNG bytes of a QR code for `text`: 4 px per module, 4-module quiet zone. */
export async function qrPng(text: string, scale = 4): Promise<Uint8Array> {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const modules = qr.getModuleCount();
  const size = (modules + 8) * scale;
  const raw = new Uint8Array(size * (size + 1)).fill(255);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0; // filter type "none"
    const row = Math.floor(y / scale) - 4;
    for (let x = 0; x < size; x++) {
      const column = Math.floor(x / scale) - 4;
      const dark = row >= 0 && column >= 0 && row < modules && column < modules && qr.isDark(row, column);
      if (dark) raw[y * (size + 1) + 1 + x] = 0;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit grayscale, no interlace
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", await zlib(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

const rendered = new Map<string, Promise<string>>();
const RENDERED_CACHE_SIZE = 500;

/** `data:image/png;base64,…` of a QR code for `text`; a document's QR never changes, so it is rendered once. */
export function qrDataUri(text: string): Promise<string> {
  let uri = rendered.get(text);
  if (!uri) {
    if (rendered.size >= RENDERED_CACHE_SIZE) rendered.delete(rendered.keys().next().value!);
    uri = qrPng(text).then((png) => `data:image/png;base64,${png.toBase64()}`);
    rendered.set(text, uri);
  }
  return uri;
}
