import type { Context } from "hono";
import type { AppEnv } from "./context";

/**
 * Work the answer need not wait for (giving back a login attempt that succeeded, keeping a validated document at
 * the edge) goes to `waitUntil`: a far-away caller does not wait for a round trip it gains nothing from. Without an
 * execution context (`app.request` in tests and the benchmark) it is awaited before answering instead. Its failure
 * never fails the answer: a refund not given back leaves a count that expires with its window; a document not kept
 * is read from Factus next time.
 */
export async function afterAnswer(c: Context<AppEnv>, work: Promise<unknown>) {
  const settled = work.catch(() => undefined);
  let executionCtx: Context<AppEnv>["executionCtx"];
  try {
    executionCtx = c.executionCtx;
  } catch {
    await settled;
    return;
  }
  executionCtx.waitUntil(settled);
}
