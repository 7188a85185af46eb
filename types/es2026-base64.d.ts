// ES2026's Uint8Array base64 and hex methods (TC39 "arraybuffer-base64", stage 4), which workerd implements and
// TypeScript 5.9's lib does not declare yet. Delete this file once the lib has them.
interface Uint8ArrayConstructor {
  fromBase64(
    text: string,
    options?: {
      alphabet?: "base64" | "base64url";
      lastChunkHandling?: "loose" | "strict" | "stop-before-partial";
    },
  ): Uint8Array<ArrayBuffer>;
  fromHex(text: string): Uint8Array<ArrayBuffer>;
}
interface Uint8Array {
  toBase64(options?: { alphabet?: "base64" | "base64url"; omitPadding?: boolean }): string;
  toHex(): string;
}
