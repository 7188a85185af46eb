import { ERROR_CATALOG, type ErrorCode, ErrorEnvelope } from "@factus-edge/contracts";

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: "Solicitud mal formada",
  401: "Sin autenticación válida",
  402: "Suscripción de Factus agotada",
  403: "Sin permiso",
  404: "No encontrado",
  405: "Método no permitido",
  406: "Formato no disponible",
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
export const BODY_ERRORS: ErrorCode[] = [
  "VALIDATION_FAILED",
  "MALFORMED_JSON",
  "UNSUPPORTED_MEDIA_TYPE",
  "PAYLOAD_TOO_LARGE",
];
/** Codes of routes behind the local JWT. */
export const AUTH_ERRORS: ErrorCode[] = ["UNAUTHENTICATED"];
/** Codes of routes that call Factus with the caller's token. */
export const FACTUS_ERRORS: ErrorCode[] = [
  "FACTUS_TOKEN_MISSING",
  "FACTUS_UNAUTHENTICATED",
  "FORBIDDEN",
  "FACTUS_SUBSCRIPTION_EXHAUSTED",
  "UPSTREAM_ERROR",
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_TIMEOUT",
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

/** `security` of routes that need the local JWT and the Factus token. */
export const FACTUS_SECURITY = [{ bearerAuth: [], factusToken: [] }];
/** `security` of routes that need only the local JWT. */
export const LOCAL_SECURITY = [{ bearerAuth: [] }];

/** A JSON request body for createRoute. */
export const jsonBody = <T>(schema: T, description: string, example?: unknown) => ({
  body: {
    required: true,
    description,
    content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
  },
});

/** A JSON success response for createRoute. */
export const jsonResponse = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
