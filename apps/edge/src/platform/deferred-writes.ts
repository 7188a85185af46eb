import type { Context } from "hono";
import type { AppEnv } from "./context";

// D1 writes a request owes but need not make on their own (the ledger's): they wait on the request for the next D1
// round trip it makes anyway (the idempotency answer, a job's write), which runs them in the same batch.

/** Adds writes for the next D1 round trip of this request. */
export function deferWrites(c: Context<AppEnv>, ...statements: D1PreparedStatement[]) {
  c.set("ledger", [...(c.get("ledger") ?? []), ...statements]);
}

/** The writes still waiting, handed to a D1 batch that is about to run. */
export function takeDeferredWrites(c: Context<AppEnv>): D1PreparedStatement[] {
  const statements = c.get("ledger") ?? [];
  c.set("ledger", []);
  return statements;
}
