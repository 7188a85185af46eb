import { AsyncLocalStorage } from "node:async_hooks";

// Counts the Factus calls a piece of background work makes (a batch item, a job's attempt), whatever path the
// lifecycle takes (a create, a lookup of a lost answer, a retry of a read), so pacing spends what was really spent.

const counters = new AsyncLocalStorage<{ calls: number }>();

/** Runs `work`, answering how many Factus calls it made. */
export async function countingFactusCalls<T>(work: () => Promise<T>) {
  const counter = { calls: 0 };
  try {
    const value = await counters.run(counter, work);
    return { value, calls: counter.calls };
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), {
      factusCalls: counter.calls,
    });
  }
}

/** Called by the Factus client's fetch for every call. */
export function countFactusCall() {
  const counter = counters.getStore();
  if (counter) counter.calls++;
}
