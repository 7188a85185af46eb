import { FactusRefreshRequest, FactusSession } from "@factus-edge/contracts/schemas/auth";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import { UPSTREAM_ERROR_CODES } from "../../factus/errors";
import { factusSession, oauthError, reserveFactusGrant } from "../../factus/oauth";
import { afterAnswer } from "../../platform/after-answer";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

const MESSAGE = "Token refrescado exitosamente";

export const factusRefreshRoute = defineRoute(
  "user",
  {
    method: "post",
    path: "/factus/refresh",
    operationId: "factusRefresh",
    tags: ["Autenticación"],
    summary: "Refrescar el token de Factus",
    description: "Cambia un `refresh_token` de Factus por un par nuevo; el anterior deja de servir.",
    request: jsonBody(FactusRefreshRequest, "Refresh token de Factus"),
    responses: { 200: jsonResponse(successEnvelope(FactusSession, MESSAGE), "Sesión renovada") },
  },
  { errors: UPSTREAM_ERROR_CODES },
);

export const factusRefresh: RouteHandler<typeof factusRefreshRoute, AppEnv> = async (c) => {
  const { refresh_token } = c.req.valid("json");
  const accepted = await reserveFactusGrant(c);
  const token = await c
    .get("factus")
    .auth.refreshGrant({ refreshToken: refresh_token }, { requestId: c.get("requestId") })
    .catch((error) => {
      throw oauthError(error, "Factus rechazó el refresh token: inicie sesión en Factus de nuevo");
    });
  // An accepted grant does not count; the answer does not wait for the counters to hear it.
  await afterAnswer(c, accepted());
  // A token must never sit in a shared or browser cache.
  c.header("Cache-Control", "no-store");
  return c.json({ message: MESSAGE, data: factusSession(token) }, 200);
};
