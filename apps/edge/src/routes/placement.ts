import type { Context, MiddlewareHandler } from "hono";
import type { StatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";

// Requests that need single-homed state several times in a row pay each time a long-haul round trip from a caller
// far from it (Madrid, Tokyo): a write with an Idempotency-Key claims its key (D1), calls Factus and stores its answer
// (D1); a login reads the user (D1) and reserves an attempt with the throttle (a Durable Object). So the edge hands
// them to a Durable Object created near Factus and the D1 primary (src/near-factus.ts), which runs the same route
// there: the caller pays one long trip, the rest are short ones from there. Writes without a key already make one
// (the Factus call; the ledger row goes after the answer), and reads are served from the edge or make one.

/** The caller's headers a placed request needs; nothing the gateway sets for itself is taken from the caller. */
const FORWARDED = [
  "accept",
  "authorization",
  // Set by Cloudflare at the edge (never by the caller): the login throttle counts per address.
  "cf-connecting-ip",
  "content-type",
  "idempotency-key",
  "origin",
  "user-agent",
  "x-factus-connection",
  "x-factus-token",
];

/**
 * Runs the rest of the route in the object near Factus named by `objectOf` (undefined: here, at the edge). One
 * object per user (or per address, for logins): one place for each, many places for all.
 */
const placedBy =
  (objectOf: (c: Context<AppEnv>) => string | undefined): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const config = c.get("config");
    const name = config.placed || !config.placeNearFactus ? undefined : objectOf(c);
    if (name === undefined) return next();
    const headers = new Headers({ "x-request-id": c.get("requestId") });
    for (const header of FORWARDED) {
      const value = c.req.header(header);
      if (value !== undefined) headers.set(header, value);
    }
    const request = new Request(c.req.url, { method: c.req.method, headers, body: await c.req.text() });
    const near = c.env.NEAR_FACTUS.getByName(name, { locationHint: config.nearFactusLocationHint });
    let answer: Response;
    try {
      answer = await near.write(request, { ...config, placed: true });
    } catch (error) {
      console.error(
        JSON.stringify({
          level: "error",
          msg: "placed request failed",
          request_id: c.get("requestId"),
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
      // A write may have been sent before the object failed: the key's next try reconciles before it sends again.
      throw c.req.header("idempotency-key") === undefined
        ? new ApiError("INTERNAL")
        : new ApiError("FACTUS_OUTCOME_UNKNOWN");
    }
    // Built by the context, so the headers the edge's middleware already set (the rate limit's) go on it too.
    return c.newResponse(answer.body, answer.status as StatusCode, Object.fromEntries(answer.headers));
  };

/** Writes with an Idempotency-Key, after the edge has authenticated and limited them. */
export const placeKeyedWrite = placedBy((c) =>
  c.req.header("idempotency-key") === undefined ? undefined : `user:${c.get("user").id}`,
);

/** Logins: the user's row and the throttle's counters are both single-homed. */
export const placeLogin = placedBy((c) => `login:${c.req.header("cf-connecting-ip") ?? "local"}`);
