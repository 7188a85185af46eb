import {
  FactusLoginRequest,
  FactusRefreshRequest,
  FactusSession,
  successEnvelope,
} from "@factus-edge/contracts";
import { FactusApiError, FactusAuthenticationError, FactusClient } from "@factus-edge/factus-client";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../lib/context";
import { ApiError } from "../../lib/errors";
import {
  AUTH_ERRORS,
  BODY_ERRORS,
  errorResponses,
  FACTUS_ERRORS,
  jsonBody,
  jsonResponse,
  LOCAL_SECURITY,
} from "../../lib/openapi";
import { toApiError } from "../../lib/upstream";
import { requireUser } from "../../middleware/auth";

const LOGIN_MESSAGE = "Autenticación exitosa";
const REFRESH_MESSAGE = "Token refrescado exitosamente";
const errors = errorResponses(
  ...BODY_ERRORS,
  ...AUTH_ERRORS,
  ...FACTUS_ERRORS.filter((code) => code !== "FACTUS_TOKEN_MISSING"),
);

export const factusLoginRoute = createRoute({
  method: "post",
  path: "/factus/login",
  operationId: "factusLogin",
  tags: ["Autenticación"],
  summary: "Iniciar sesión en Factus",
  description:
    "Hace el grant de contraseña de OAuth2 ante Factus con las credenciales de la cuenta de Factus y el client id/secret " +
    "del servidor. Devuelve el `access_token` que se envía luego en `X-Factus-Token`.",
  security: LOCAL_SECURITY,
  middleware: [requireUser] as const,
  request: jsonBody(FactusLoginRequest, "Correo y contraseña de la cuenta de Factus"),
  responses: {
    200: jsonResponse(successEnvelope(FactusSession, LOGIN_MESSAGE), "Sesión de Factus"),
    ...errors,
  },
});

export const factusRefreshRoute = createRoute({
  method: "post",
  path: "/factus/refresh",
  operationId: "factusRefresh",
  tags: ["Autenticación"],
  summary: "Refrescar el token de Factus",
  description: "Cambia un `refresh_token` de Factus por un par nuevo; el anterior deja de servir.",
  security: LOCAL_SECURITY,
  middleware: [requireUser] as const,
  request: jsonBody(FactusRefreshRequest, "Refresh token de Factus"),
  responses: {
    200: jsonResponse(successEnvelope(FactusSession, REFRESH_MESSAGE), "Sesión renovada"),
    ...errors,
  },
});

function oauthClient(c: Context<AppEnv>) {
  const config = c.get("config");
  return new FactusClient({
    baseURL: config.factusBaseUrl,
    credentials: { clientId: config.factusClientId, clientSecret: config.factusClientSecret },
    timeout: config.factusTimeoutMs,
    maxRetries: 0,
  });
}

/** Factus refuses bad account credentials or refresh tokens with 400/401: both mean "log in to Factus again". */
function oauthError(error: unknown, message: string) {
  if (
    error instanceof FactusAuthenticationError ||
    (error instanceof FactusApiError && error.status === 400)
  ) {
    return new ApiError("FACTUS_UNAUTHENTICATED", { message, cause: error });
  }
  return toApiError(error);
}

const session = (token: {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
}) => ({
  access_token: token.access_token,
  token_type: token.token_type,
  expires_in: token.expires_in,
  refresh_token: token.refresh_token,
});

export const factusLogin: RouteHandler<typeof factusLoginRoute, AppEnv> = async (c) => {
  const { email, password } = c.req.valid("json");
  const token = await oauthClient(c)
    .auth.passwordGrant({ username: email, password }, { requestId: c.get("requestId") })
    .catch((error) => {
      throw oauthError(error, "Factus rechazó el correo o la contraseña");
    });
  return c.json({ message: LOGIN_MESSAGE, data: session(token) }, 200);
};

export const factusRefresh: RouteHandler<typeof factusRefreshRoute, AppEnv> = async (c) => {
  const { refresh_token } = c.req.valid("json");
  const token = await oauthClient(c)
    .auth.refreshGrant({ refreshToken: refresh_token }, { requestId: c.get("requestId") })
    .catch((error) => {
      throw oauthError(error, "Factus rechazó el refresh token: inicie sesión en Factus de nuevo");
    });
  return c.json({ message: REFRESH_MESSAGE, data: session(token) }, 200);
};
