import type { ApiKeyScope } from "@factus-edge/contracts/schemas/connections";
import { ERROR_CATALOG, type ErrorCode, ErrorEnvelope } from "@factus-edge/contracts/schemas/errors";
import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import * as z from "zod";
import { keyOr } from "../auth/api-keys";
import { requireAdmin } from "../auth/require-admin";
import { requireUser } from "../auth/require-user";
import { offerToken } from "../completion/credentials";
import { companyNitOf } from "../factus/company";
import { UPSTREAM_ERROR_CODES } from "../factus/errors";
import { requireFactusToken } from "../factus/require-token";
import { flushLedger } from "../ledger/ledger";
import { afterAnswer } from "../platform/after-answer";
import type { AppEnv } from "../platform/context";
import { idempotency } from "../platform/middleware/idempotency";
import { userRateLimit } from "../platform/rate-limit";
import { placeKeyedWrite } from "./placement";

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: "Solicitud mal formada",
  401: "Sin autenticación válida",
  402: "Suscripción de Factus agotada",
  403: "Sin permiso",
  404: "No encontrado",
  409: "Conflicto",
  413: "Cuerpo demasiado grande",
  415: "Tipo de contenido no soportado",
  422: "Datos inválidos o rechazados",
  429: "Límite de solicitudes excedido",
  500: "Error interno",
  502: "Error de Factus",
  503: "Factus no disponible",
  504: "Factus no respondió a tiempo",
};

/** Error codes every route may answer. */
const COMMON: ErrorCode[] = ["INTERNAL", "RATE_LIMITED"];
/** Codes of routes that read a JSON body. */
const BODY_ERRORS: ErrorCode[] = [
  "VALIDATION_FAILED",
  "MALFORMED_JSON",
  "UNSUPPORTED_MEDIA_TYPE",
  "PAYLOAD_TOO_LARGE",
];

/**
 * OpenAPI responses for the given error codes, grouped by status, each with the envelope schema and the codes it
 * may carry. Built from ERROR_CATALOG, the same table the runtime answers from.
 */
export function errorResponses(...codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...codes, ...COMMON])) {
    const { status } = ERROR_CATALOG[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, statusCodes]) => [
      status,
      {
        description: `${STATUS_DESCRIPTIONS[status] ?? "Error"}: ${statusCodes.join(", ")}`,
        content: { "application/json": { schema: ErrorEnvelope } },
      },
    ]),
  );
}

/** Headers of every Factus-backed route, documented once. */
const FactusHeaders = z.object({
  "x-factus-token": z
    .string()
    .optional()
    .meta({
      description:
        "Token de acceso de Factus (de /auth/factus/login). Obligatorio con el token local, salvo que se nombre una " +
        "conexión guardada en X-Factus-Connection; con una clave de API no se envía.",
      examples: ["eyJ0eXAiOi…"],
    }),
  "x-factus-connection": z
    .string()
    .optional()
    .meta({
      description:
        "Id de una conexión de Factus guardada por el usuario (POST /factus-connections), en lugar de X-Factus-Token.",
      examples: ["fc_0f1e2d3c4b5a69788796a5b4c3d2e1f0"],
    }),
});

const IdempotencyHeaders = FactusHeaders.extend({
  "idempotency-key": z
    .string()
    .max(255)
    .optional()
    .meta({
      description:
        "Clave opaca (≤ 255 caracteres) que hace seguro reintentar: la misma clave y el mismo cuerpo devuelven la " +
        "respuesta guardada durante 24 h, sin crear otro documento.",
      examples: ["8c0b7a0e-6d1f-4d8e-9a53-2f9f2f4b1c11"],
    }),
});

/**
 * Who may call a route, and so what it declares and enforces together: `factus` needs the local JWT and the
 * caller's X-Factus-Token (rate-limited per user; every error a Factus call can end in), `admin` the same from a user
 * with the `admin` role (declared as that role on `bearerAuth`, OpenAPI 3.1's way to name one; 403 FORBIDDEN to
 * anyone else, before any Factus call), `user` the local JWT only, `public` nothing.
 */
export type Access = "admin" | "factus" | "user" | "public";

const ADMIN_NOTE =
  "\n\n**Solo para usuarios con rol `admin`**: a cualquier otro usuario responde 403 (`FORBIDDEN`), sin llamar a " +
  "Factus.";

const ACCESS: Record<
  Access,
  {
    security: Record<string, string[]>[];
    middleware: MiddlewareHandler<AppEnv>[];
    errors: readonly ErrorCode[];
    /** Appended to the operation's description. */
    note?: string;
  }
> = {
  admin: {
    security: [{ bearerAuth: ["admin"], factusToken: [] }],
    middleware: [requireUser, requireAdmin, userRateLimit, requireFactusToken],
    errors: ["UNAUTHENTICATED", "FORBIDDEN", "FACTUS_TOKEN_MISSING", ...UPSTREAM_ERROR_CODES],
    note: ADMIN_NOTE,
  },
  // The middleware's first step (a key with the route's scope, or a logged-in user) is added per route: routeAccess.
  factus: {
    security: [
      { bearerAuth: [], factusToken: [] },
      { bearerAuth: [], factusConnection: [] },
    ],
    middleware: [userRateLimit, requireFactusToken],
    errors: [
      "UNAUTHENTICATED",
      "FORBIDDEN",
      "NOT_FOUND",
      "FACTUS_TOKEN_MISSING",
      "FACTUS_CONNECTION_NEEDS_REAUTH",
      ...UPSTREAM_ERROR_CODES,
    ],
  },
  user: { security: [{ bearerAuth: [] }], middleware: [requireUser], errors: ["UNAUTHENTICATED"] },
  public: { security: [], middleware: [], errors: [] },
};

type RouteSpec = Omit<RouteConfig, "path" | "security" | "middleware">;

export interface RouteOptions {
  /** Codes this operation answers beyond those of its access, body and parameters. */
  errors?: readonly ErrorCode[];
  /**
   * What an API key needs to call a `factus` route: `documents:read` for a GET, `documents:write` otherwise, unless
   * said here (a preview issues nothing: it is a read).
   */
  scope?: ApiKeyScope;
  /** Takes an `Idempotency-Key` (POST): its middleware runs last, after authentication. */
  idempotent?: boolean;
  /** Runs after the access preset's middleware (a login's placement near its single-homed state). */
  middleware?: MiddlewareHandler<AppEnv>[];
}

/** What the ledger learnt and no D1 round trip carried is written after the answer (ledger/ledger.ts). */
const writeLedgerLast: MiddlewareHandler<AppEnv> = async (c, next) => {
  try {
    await next();
  } finally {
    await flushLedger(c);
  }
};

/**
 * A company's documents waiting for a credential resume with the caller's X-Factus-Token (after the answer, never
 * before it: completion/credentials.ts).
 */
const resumeWaitingWork: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.header("x-factus-token")) await afterAnswer(c, offerToken(c));
};

/** Keys belong to the user and to the Factus company its token acts for (learned once per token, then cached). */
const idempotentPerCompany = idempotency(async (c) => `${c.get("user").id}:${await companyNitOf(c)}`);

/**
 * A route whose security, middleware, headers and error responses all follow from `access` and its own request, so
 * what the OpenAPI document declares is what the runtime enforces. Handlers are typed by `spec` as with createRoute.
 */
export function defineRoute<P extends string, R extends RouteSpec & { path: P }>(
  access: Access,
  spec: R,
  options: RouteOptions = {},
) {
  const preset = ACCESS[access];
  const request = spec.request ?? {};
  const codes: ErrorCode[] = [
    ...preset.errors,
    ...(request.body ? BODY_ERRORS : []),
    ...(request.params || request.query ? (["VALIDATION_FAILED"] as const) : []),
    ...(options.idempotent ? (["IDEMPOTENCY_IN_PROGRESS", "IDEMPOTENCY_KEY_REUSED"] as const) : []),
    ...(options.errors ?? []),
  ];
  const factusBacked = access === "factus" || access === "admin";
  const headers = options.idempotent ? IdempotencyHeaders : factusBacked ? FactusHeaders : undefined;
  // Document routes also take an API key with the route's scope (a second security scheme, OpenAPI's way to say it).
  const scope = options.scope ?? (spec.method === "get" ? "documents:read" : "documents:write");
  const security = access === "factus" ? [...preset.security, { apiKey: [scope] }] : preset.security;
  const authenticate = access === "factus" ? [keyOr(scope, requireUser)] : [];
  const ledger = factusBacked ? [writeLedgerLast] : [];
  return createRoute({
    ...spec,
    ...(preset.note ? { description: `${spec.description ?? ""}${preset.note}` } : {}),
    security,
    middleware: [
      ...ledger,
      ...authenticate,
      ...preset.middleware,
      ...(factusBacked ? [resumeWaitingWork] : []),
      ...(options.idempotent ? [placeKeyedWrite, idempotentPerCompany] : []),
      ...(options.middleware ?? []),
    ],
    request: { ...request, ...(headers ? { headers } : {}) },
    responses: { ...spec.responses, ...errorResponses(...codes) },
  } as R);
}

/** A JSON request body for a route. */
export const jsonBody = <T>(schema: T, description: string, example?: unknown) => ({
  body: {
    required: true,
    description,
    content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
  },
});

/** A JSON success response for a route. */
export const jsonResponse = <T>(schema: T, description: string, example?: unknown) => ({
  description,
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});
