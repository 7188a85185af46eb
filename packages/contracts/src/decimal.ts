// Exact decimal helpers on bigint: money never passes through binary floating point arithmetic.

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a plain decimal (number or string, no exponent) into an integer scaled by 10^scale.
 * Returns undefined when it is not a plain decimal or has more than `scale` decimal places.
 * Numbers go through their shortest round-trip text (0.1 → "0.1"), which is exact for ≤ 15 significant digits.
 */
export function toScaled(value: number | string, scale: number): bigint | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    // Fast path, no text: when value × 10^scale rounds to an integer n that divides back to the very same double,
    // value is the double nearest n / 10^scale, so its shortest text has at most `scale` places and reads as n
    // (below 10^15 two such decimals never share a double). Money arrives as numbers on every item of a create.
    const factor = 10 ** scale;
    const scaled = Math.round(value * factor);
    if (Math.abs(scaled) < 1e15 && scaled / factor === value) return BigInt(scaled);
  }
  const match = PLAIN_DECIMAL.exec(typeof value === "number" ? String(value) : value.trim());
  if (!match) return undefined;
  const [, sign, whole = "0", fraction = ""] = match;
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > scale) return undefined;
  const scaled = BigInt(whole + significant.padEnd(scale, "0"));
  return sign === "-" ? -scaled : scaled;
}

/**
 * A plain decimal rounded half away from zero to `scale` places, as an integer scaled by 10^scale ("0.005" → 1n at
 * scale 2); undefined when it is not a plain decimal. Exact: the digits past `scale` are rounded as digits.
 */
export function toScaledRounded(value: number | string, scale: number): bigint | undefined {
  const exact = toScaled(value, scale);
  if (exact !== undefined) return exact;
  const match = PLAIN_DECIMAL.exec(typeof value === "number" ? String(value) : value.trim());
  if (!match) return undefined;
  const [, sign, whole = "0", fraction = ""] = match;
  const rounded = divideRoundHalfUp(BigInt(whole + fraction), 10n ** BigInt(fraction.length - scale));
  return sign === "-" ? -rounded : rounded;
}

/** Places after the decimal point, ignoring trailing zeros ("19.00" → 0); undefined when not a plain decimal. */
export function decimalPlaces(value: number | string): number | undefined {
  const match = PLAIN_DECIMAL.exec(typeof value === "number" ? String(value) : value.trim());
  return match ? (match[3] ?? "").replace(/0+$/, "").length : undefined;
}

/** numerator / denominator rounded half away from zero (half-up for the non-negative amounts of an invoice). */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return negative ? -rounded : rounded;
}

/** Integer cents as a 2-decimal string: 123456n → "1234.56". */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
