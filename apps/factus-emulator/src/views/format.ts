import { formatCents, toScaled } from "@factus-edge/contracts";

/** "2030-01-19" → "19-01-2030", as Factus shows range dates on documents. */
export const dayMonthYear = (isoDate: string | null) =>
  isoDate ? isoDate.split("-").reverse().join("-") : null;

/** A decimal as Factus' 2-decimal money string: 19 → "19.00". */
export const money = (value: number | string) => formatCents(toScaled(value, 2) ?? 0n);

/** Money string → number: Factus gives item totals as JSON numbers (40000). */
export const moneyNumber = (value: string) => Number(value);
