// Factus shows timestamps in Colombian civil time (UTC−5, no daylight saving) as "09-01-2025 01:56:13 PM".

const COLOMBIA_OFFSET_MS = 5 * 3600_000;
const FACTUS_DATE_TIME = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: (AM|PM))?$/;

/** Colombian civil time of an ISO instant: [YYYY-MM-DD, HH:mm:ss]. */
export function colombiaDateTime(iso: string): [string, string] {
  const local = new Date(new Date(iso).getTime() - COLOMBIA_OFFSET_MS).toISOString();
  return [local.slice(0, 10), local.slice(11, 19)];
}

/** An ISO instant in Factus' format: "2025-01-09T18:56:13Z" → "09-01-2025 01:56:13 PM". */
export function factusDateTime(iso: string): string {
  const [date, time] = colombiaDateTime(iso);
  const [year, month, day] = date.split("-");
  const [hours = 0, minutes, seconds] = time.split(":").map(Number);
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (value: number | undefined) => String(value).padStart(2, "0");
  return `${day}-${month}-${year} ${pad(hour12)}:${pad(minutes)}:${pad(seconds)} ${hours < 12 ? "AM" : "PM"}`;
}

/** Factus' "09-01-2025 01:56:13 PM" → "2025-01-09T13:56:13-05:00"; any other text passes through unchanged. */
export function isoFromFactusDateTime(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = FACTUS_DATE_TIME.exec(text.trim());
  if (!match) return text;
  const [, day, month, year, hours, minutes, seconds, half] = match;
  const hour = half ? (Number(hours) % 12) + (half === "PM" ? 12 : 0) : Number(hours);
  return `${year}-${month}-${day}T${String(hour).padStart(2, "0")}:${minutes}:${seconds}-05:00`;
}
