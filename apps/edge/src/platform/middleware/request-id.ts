import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Honours a well-formed incoming X-Request-Id, else mints one; every response carries it.
 *
 * Not `hono/request-id`: it sets the header with `c.header()` before the route runs, so an answer built as a fresh
 * Response (a replayed idempotent answer, an error from onError, the config-error envelope) goes out without it; this
 * one sets it on the final answer too. The format also differs on purpose: ids of 8–128 characters with `.` and `:`
 * (what tracing systems send), where hono takes 1–255 of `[\w=-]`.
 */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header("x-request-id");
  const id = incoming && WELL_FORMED.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", id);
  c.header("X-Request-Id", id);
  await next();
  c.res.headers.set("X-Request-Id", id);
});
