import { formatCents, toScaledRounded } from "@factus-edge/contracts/decimal";
import { ApiError } from "../platform/errors";

// Money in the edge is integer cents (bigint), as in the contracts: never a float in arithmetic or in a comparison.
// A JSON number is made only at the very end, from the exact decimal text.

/** Factus money ("81232.50", 40000, "0.005") → exact integer cents, half-up past the second decimal. */
export function centsOf(value: string | number): bigint {
  const cents = toScaledRounded(value, 2);
  if (cents === undefined) {
    throw new ApiError("UPSTREAM_ERROR", {
      message: `Factus respondió un importe que no es un decimal: ${String(value).slice(0, 40)}`,
    });
  }
  return cents;
}

/** Cents → the public shape's JSON number (the seed's `1190000.00`): parsed from the exact text, printed back as it. */
export const moneyNumber = (cents: bigint) => Number(formatCents(cents));

/** Factus money → the public shape's JSON number with at most 2 decimals. */
export const money = (value: string | number) => moneyNumber(centsOf(value));

/** Cents as pesos for a message: 123456n → "1234.56". */
export const pesos = formatCents;
