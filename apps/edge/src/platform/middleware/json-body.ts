import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

/** Largest JSON body accepted: a 1,000-item invoice fits several times over. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A month-end batch: 2,000 invoices of a few kilobytes each. Only its route takes it; the rest keep 1 MiB. */
export const MAX_BATCH_BODY_BYTES = 16 * 1024 * 1024;
const BATCH_PATH = "/api/v1/invoice-batches";

const limitOf = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError("PAYLOAD_TOO_LARGE", { message: `El cuerpo supera el máximo de ${maxSize} bytes` });
    },
  });
const limit = limitOf(MAX_BODY_BYTES);
const batchLimit = limitOf(MAX_BATCH_BODY_BYTES);

/** Deepest nesting of arrays and objects accepted: an invoice needs 4; anything far deeper is an attack. */
export const MAX_JSON_DEPTH = 32;

/** Whether JSON text nests deeper than `max`, by one pass over its brackets (strings skipped), before parsing it. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92)
        i++; // backslash: skip the escaped character
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 123 || char === 91) {
      if (++depth > max) return true;
    } else if (char === 125 || char === 93) depth--;
  }
  return false;
}

/**
 * Bodies of POST/PUT/PATCH must be JSON (415 otherwise), at most MAX_BODY_BYTES (413), streamed or not, and nest at
 * most MAX_JSON_DEPTH levels (422). The text read here is cached by Hono for the validators.
 */
export const jsonBodyGuard = createMiddleware<AppEnv>(async (c, next) => {
  if (!["POST", "PUT", "PATCH"].includes(c.req.method)) return next();
  const type = c.req.header("content-type") ?? "";
  const hasBody = c.req.header("content-length") !== "0" && (c.req.raw.body !== null || type !== "");
  if (hasBody && !/^application\/(?:[\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE");
  }
  const bounded = c.req.path === BATCH_PATH || c.req.path === `${BATCH_PATH}/` ? batchLimit : limit;
  return bounded(c, async () => {
    if (hasBody && jsonDepthExceeds(await c.req.text(), MAX_JSON_DEPTH)) {
      throw new ApiError("VALIDATION_FAILED", {
        details: [{ path: "", message: `El JSON anida más de ${MAX_JSON_DEPTH} niveles` }],
      });
    }
    await next();
  });
});
