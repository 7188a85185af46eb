import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context";
import { ApiError } from "../lib/errors";

/** Largest JSON body accepted: a 1,000-item invoice fits several times over. */
export const MAX_BODY_BYTES = 1024 * 1024;

const limit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError("PAYLOAD_TOO_LARGE", {
      message: `El cuerpo supera el máximo de ${MAX_BODY_BYTES} bytes`,
    });
  },
});

/** Bodies of POST/PUT/PATCH must be JSON (415 otherwise) and at most MAX_BODY_BYTES (413), streamed or not. */
export const jsonBodyGuard = createMiddleware<AppEnv>(async (c, next) => {
  if (!["POST", "PUT", "PATCH"].includes(c.req.method)) return next();
  const type = c.req.header("content-type") ?? "";
  const hasBody = c.req.header("content-length") !== "0" && (c.req.raw.body !== null || type !== "");
  if (hasBody && !/^application\/(?:[\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE");
  }
  return limit(c, next);
});
