import { FactusLoginRequest, FactusSession } from "@factus-edge/contracts/schemas/auth";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import { UPSTREAM_ERROR_CODES } from "../../factus/errors";
import { factusSession, passwordGrantFor } from "../../factus/oauth";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

const MESSAGE = "Autenticación exitosa";

export const factusLoginRoute = defineRoute(
  "user",
  {
    method: "post",
    path: "/factus/login",
    operationId: "factusLogin",
    tags: ["Autenticación"],
    summary: "Iniciar sesión en Factus",
    description:
      "Hace el grant de contraseña de OAuth2 ante Factus con las credenciales de la cuenta de Factus y el client " +
      "id/secret del servidor. Devuelve el `access_token` que se envía luego en `X-Factus-Token`.",
    request: jsonBody(FactusLoginRequest, "Correo y contraseña de la cuenta de Factus"),
    responses: { 200: jsonResponse(successEnvelope(FactusSession, MESSAGE), "Sesión de Factus") },
  },
  { errors: UPSTREAM_ERROR_CODES },
);

export const factusLogin: RouteHandler<typeof factusLoginRoute, AppEnv> = async (c) => {
  const { email, password } = c.req.valid("json");
  const token = await passwordGrantFor(c, email, password);
  // The account's API version, learnt now (the client remembers it for the token's first document call, so it costs
  // no extra trip overall) and told so that a form totals with the arithmetic its company's Factus will use. A
  // failure to learn it does not fail the login: the first document call learns it.
  const version = await c
    .get("factus")
    .apiVersionOf({ accessToken: token.access_token, requestId: c.get("requestId") })
    .catch(() => null);
  // A token must never sit in a shared or browser cache.
  c.header("Cache-Control", "no-store");
  return c.json({ message: MESSAGE, data: { ...factusSession(token), factus_api_version: version } }, 200);
};
