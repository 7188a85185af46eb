import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./context";
import { validationError } from "./errors";

/**
 * Every router of the app comes from here, so validation failures of bodies, queries and paths all answer the one
 * error envelope (422 VALIDATION_FAILED with dotted paths), never a raw ZodError.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const prefix = result.target === "json" ? [] : [result.target === "param" ? "path" : result.target];
        throw validationError(result.error.issues, prefix);
      }
    },
  });
}
