/**
 * When to try again after `attemptsMade` attempts: the schedule's delay for that attempt (its last delay repeats),
 * or null when that would fall past `horizonMs` after the work was created (the work then gives up).
 */
export function nextAttemptAt(
  schedule: number[],
  horizonMs: number,
  createdAt: number,
  attemptsMade: number,
  now = Date.now(),
): number | null {
  const delay = schedule[Math.min(attemptsMade, schedule.length - 1)] ?? 0;
  const at = now + delay;
  return at > createdAt + horizonMs ? null : at;
}

/**
 * The wait after the `attempts`-th failed try of background work that Factus keeps failing (a batch item, a ledger
 * sync's page): 10 s doubling to 10 minutes, so twelve tries span about an hour and a half.
 */
export const doublingDelay = (attempts: number) => Math.min(5_000 * 2 ** attempts, 600_000);
