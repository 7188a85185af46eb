/**
 * Factus' list filters: a partial match in which `_` stands for any one character and `%` for any run of them, and
 * ASCII letters match either case (SQL's `LIKE '%…%'`, which is what Factus answers like). Matched here rather than by
 * SQLite's LIKE, which refuses patterns over 50 bytes in workerd: a 100-character reference code is a valid filter.
 */
export function partialMatch(filter: string): (value: string | number | null) => boolean {
  const pattern = [...asciiLower(filter)]
    .map((char) => (char === "_" ? "." : char === "%" ? ".*" : char.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")))
    .join("");
  const regex = new RegExp(pattern, "su");
  return (value) => value !== null && regex.test(asciiLower(String(value)));
}

const asciiLower = (text: string) => text.replace(/[A-Z]/g, (char) => char.toLowerCase());
