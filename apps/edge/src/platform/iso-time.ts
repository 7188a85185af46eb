/** A stored time (ms since the epoch) as the API answers it: ISO 8601, or null when there is none. */
export const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
