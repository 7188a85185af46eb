import { describe, expect, it } from "vitest";
import { crc32, isZip, storedZip } from "../src/factus/email-zip";

describe("the e-mail attachment's ZIP", () => {
  it("computes CRC-32 as ISO 3309 does (the standard check value)", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("stores each file with its name, size and CRC, and a central directory that points back to it", () => {
    const xml = new TextEncoder().encode("<AttachedDocument/>");
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const zip = storedZip([
      { name: "ad0001.xml", bytes: xml },
      { name: "ad0001.pdf", bytes: pdf },
    ]);
    expect(isZip(zip)).toBe(true);
    expect(isZip(xml)).toBe(false);
    const view = new DataView(zip.buffer);
    // The end record: two entries, its directory right after the two stored files.
    const end = zip.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 10, true)).toBe(2);
    const directory = view.getUint32(end + 16, true);
    expect(directory).toBe(30 + 10 + xml.length + 30 + 10 + pdf.length);
    // The first central entry names the first file, its CRC and where its local header is.
    expect(view.getUint32(directory, true)).toBe(0x02014b50);
    expect(view.getUint32(directory + 16, true)).toBe(crc32(xml));
    expect(view.getUint32(directory + 42, true)).toBe(0);
    expect(new TextDecoder().decode(zip.subarray(directory + 46, directory + 56))).toBe("ad0001.xml");
    // The second file's bytes sit where its local header says.
    const second = 30 + 10 + xml.length;
    expect(view.getUint32(second + 18, true)).toBe(pdf.length);
    expect([...zip.subarray(second + 40, second + 44)]).toEqual([...pdf]);
  });
});
