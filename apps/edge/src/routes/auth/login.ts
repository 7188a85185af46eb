import { LocalToken, LoginRequest, successEnvelope } from "@factus-edge/contracts";
import type { RouteHandler } from "@hono/zod-openapi";
import { reserveLoginAttempt } from "../../auth/login-throttle";
import { decoyPasswordHash, verifyPassword } from "../../auth/passwords";
import { issueLocalToken } from "../../auth/session";
import { findUserByEmail } from "../../auth/users";
import { afterAnswer } from "../../platform/after-answer";
import type { AppEnv } from "../../platform/context";
import { ApiError } from "../../platform/errors";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

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
      "Se limitan los intentos fallidos por correo (con espera creciente), por IP y por IP y correo.",
    request: jsonBody(LoginRequest, "Credenciales del usuario local"),
    responses: { 200: jsonResponse(successEnvelope(LocalToken, MESSAGE), "Token emitido") },
  },
  { errors: ["INVALID_CREDENTIALS", "LOGIN_UNAVAILABLE"] },
);

export const login: RouteHandler<typeof loginRoute, AppEnv> = async (c) => {
  const { email, password } = c.req.valid("json");
  const config = c.get("config");
  const refund = await reserveLoginAttempt(c, email);
  const user = await findUserByEmail(c.env.DB, email);
  // Verify against a decoy when the e-mail is unknown, so timing does not reveal which accounts exist.
  const valid = await verifyPassword(password, user?.password_hash ?? (await decoyPasswordHash()));
  if (!user || !valid || user.disabled) throw new ApiError("INVALID_CREDENTIALS");
  // Successful logins do not count against anyone; the answer does not wait for the counters to hear it.
  await afterAnswer(c, refund());
  // A token must never sit in a shared or browser cache.
  c.header("Cache-Control", "no-store");
  return c.json({ message: MESSAGE, data: await issueLocalToken(config, user) }, 200);
};
