import { formatCents, toScaled } from "@factus-edge/contracts";
import { colombiaDateTime } from "../documents/cufe";

/** Factus' timestamp format, in Colombian time: "09-01-2025 01:56:13 PM". */
export function factusDateTime(iso: string): string {
  const [date, time] = colombiaDateTime(iso);
  const [year, month, day] = date.split("-");
  const [hours = 0, minutes, seconds] = time.split(":").map(Number);
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (value: number | undefined) => String(value).padStart(2, "0");
  return `${day}-${month}-${year} ${pad(hour12)}:${pad(minutes)}:${pad(seconds)} ${hours < 12 ? "AM" : "PM"}`;
}

/** "2030-01-19" → "19-01-2030", as Factus shows range dates on documents. */
export const dayMonthYear = (isoDate: string | null) =>
  isoDate ? isoDate.split("-").reverse().join("-") : null;

/** A decimal as Factus' 2-decimal money string: 19 → "19.00". */
export const money = (value: number | string) => formatCents(toScaled(value, 2) ?? 0n);

/** Money string → number: Factus gives item totals as JSON numbers (40000). */
export const moneyNumber = (value: string) => Number(value);
