import { LocalToken, LoginRequest, successEnvelope } from "@factus-edge/contracts";
import type { RouteHandler } from "@hono/zod-openapi";
import { findUserByEmail } from "../../db/users";
import type { AppEnv } from "../../lib/context";
import { ApiError } from "../../lib/errors";
import { defineRoute, jsonBody, jsonResponse } from "../../lib/openapi";
import { decoyPasswordHash, verifyPassword } from "../../lib/passwords";
import { issueLocalToken } from "../../lib/session";
import { enforceRateLimit } from "../../middleware/rate-limiter";

const MESSAGE = "Inicio de sesión exitoso";

export const loginRoute = defineRoute(
  "public",
  {
    method: "post",
    path: "/login",
    operationId: "login",
    tags: ["Autenticación"],
    summary: "Iniciar sesión en la API",
    description:
      "Cambia el correo y la contraseña de un usuario local por un token de acceso (JWT HS256, 1 h por defecto) para " +
      "`Authorization: Bearer`. La respuesta es la misma para un correo desconocido y una contraseña incorrecta. " +
      "Se limitan los intentos fallidos por IP y correo (10 cada 15 minutos por defecto).",
    request: jsonBody(LoginRequest, "Credenciales del usuario local"),
    responses: { 200: jsonResponse(successEnvelope(LocalToken, MESSAGE), "Token emitido") },
  },
  { errors: ["INVALID_CREDENTIALS"] },
);

export const login: RouteHandler<typeof loginRoute, AppEnv> = async (c) => {
  const { email, password } = c.req.valid("json");
  const config = c.get("config");
  // Failed attempts per IP + e-mail are limited (brute force); successful logins do not count.
  const key = `login:${c.req.header("cf-connecting-ip") ?? "local"}:${email}`;
  const attempts = (count: boolean) =>
    enforceRateLimit(c.env.RATE_LIMITER, key, config.loginAttemptsPer15Minutes, 15 * 60_000, {
      message: "Demasiados intentos fallidos de inicio de sesión; espere antes de reintentar",
      count,
    });
  await attempts(false);
  const user = await findUserByEmail(c.env.DB, email);
  // Verify against a decoy when the e-mail is unknown, so timing does not reveal which accounts exist.
  const valid = await verifyPassword(password, user?.password_hash ?? (await decoyPasswordHash()));
  if (!user || !valid || user.disabled) {
    await attempts(true);
    throw new ApiError("INVALID_CREDENTIALS");
  }
  // A token must never sit in a shared or browser cache.
  c.header("Cache-Control", "no-store");
  return c.json({ message: MESSAGE, data: await issueLocalToken(config, user) }, 200);
};
