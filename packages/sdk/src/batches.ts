import type { CallOptions, EdgeClient } from "./client";
import type { operations } from "./generated/openapi";
import { createInvoiceBatch, getInvoiceBatch } from "./generated/operations";
import type { Data } from "./types";

type Batch = Data<operations["getInvoiceBatch"]>;

/** Sends a month-end batch (`POST /api/v1/invoice-batches`): the same operation as `createInvoiceBatch`. */
export const createBatch = createInvoiceBatch;

export interface WaitOptions extends CallOptions {
  /** First wait between polls, in ms (it doubles up to `maxIntervalMs`). Default 2 s. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Give up (throw) after this long, in ms. Default: never. */
  timeoutMs?: number;
  /** Called with every poll's batch: counts per status and the estimate of the time left. */
  onProgress?: (batch: Batch) => void;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * Polls a batch until it is `completed` or `cancelled`, waiting longer between polls each time (2 s, 4 s … 30 s).
 * Answers its last state. A system that registered a `batch.completed` webhook can wait for the event instead.
 */
export async function waitForBatch(
  client: EdgeClient,
  id: string,
  options: WaitOptions = {},
): Promise<Batch> {
  const { intervalMs = 2_000, maxIntervalMs = 30_000, timeoutMs, onProgress, ...call } = options;
  const deadline = timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeoutMs;
  for (let wait = intervalMs; ; wait = Math.min(wait * 2, maxIntervalMs)) {
    const batch = await getInvoiceBatch(client, { path: { id } }, call);
    onProgress?.(batch);
    if (batch.status === "completed" || batch.status === "cancelled") return batch;
    if (Date.now() + wait > deadline)
      throw new Error(`The batch ${id} did not finish within ${timeoutMs} ms`);
    await sleep(wait, call.signal);
  }
}
