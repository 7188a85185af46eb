import { LocalToken, LoginRequest } from "@factus-edge/contracts/schemas/auth";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import { reserveLoginAttempt } from "../../auth/login-throttle";
import { decoyPasswordHash, verifyPassword } from "../../auth/passwords";
import { issueLocalToken } from "../../auth/session";
import { findUserByEmail } from "../../auth/users";
import { afterAnswer } from "../../platform/after-answer";
import type { AppEnv } from "../../platform/context";
import { ApiError } from "../../platform/errors";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";
import { placeLogin } from "../placement";

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
      "Los intentos fallidos se limitan por IP y correo (cada vez que se agotan, la espera se duplica: 15 min, " +
      "30 min… hasta 24 h), por correo desde cualquier IP (una ventana de 5 minutos que no crece, que no aplica " +
      "desde una dirección donde el usuario inició sesión en los últimos 30 días) y por IP. Un intento rechazado " +
      "con 429 no alarga la espera: `Retry-After` dice cuánto falta.",
    request: jsonBody(LoginRequest, "Credenciales del usuario local"),
    responses: { 200: jsonResponse(successEnvelope(LocalToken, MESSAGE), "Token emitido") },
  },
  // The user's row and the throttle's counters are read one after the other: near them, not from the caller's edge.
  { errors: ["INVALID_CREDENTIALS", "LOGIN_UNAVAILABLE"], middleware: [placeLogin] },
);

export const login: RouteHandler<typeof loginRoute, AppEnv> = async (c) => {
  const { email, password } = c.req.valid("json");
  const config = c.get("config");
  // Read first: the user's unlock instant (`user:unlock`) tells the throttles what to forget.
  const user = await findUserByEmail(c.env.DB, email);
  const succeeded = await reserveLoginAttempt(c, email, user?.login_unlocked_at ?? 0);
  // Verify against a decoy when the e-mail is unknown, so timing does not reveal which accounts exist.
  const valid = await verifyPassword(password, user?.password_hash ?? (await decoyPasswordHash()));
  if (!user || !valid || user.disabled) throw new ApiError("INVALID_CREDENTIALS");
  // Successful logins do not count against anyone; the answer does not wait for the counters to hear it.
  await afterAnswer(c, succeeded());
  // A token must never sit in a shared or browser cache.
  c.header("Cache-Control", "no-store");
  return c.json({ message: MESSAGE, data: await issueLocalToken(config, user) }, 200);
};
