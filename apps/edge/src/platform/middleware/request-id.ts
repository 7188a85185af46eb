import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** Honours a well-formed incoming X-Request-Id, else mints one; every response carries it. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header("x-request-id");
  const id = incoming && WELL_FORMED.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", id);
  c.header("X-Request-Id", id);
  await next();
  c.res.headers.set("X-Request-Id", id);
});
