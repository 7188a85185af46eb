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
