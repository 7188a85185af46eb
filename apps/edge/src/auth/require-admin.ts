import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";

/** After `requireUser`: the user must have the `admin` role (`pnpm --filter edge user:role`), or 403 FORBIDDEN. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("user").role !== "admin")
    throw new ApiError("FORBIDDEN", {
      message:
        "Acción administrativa: solo un usuario con rol admin puede hacerla. Pídala a un administrador de la cuenta",
    });
  await next();
});
