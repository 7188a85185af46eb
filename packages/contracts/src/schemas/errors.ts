import * as z from "zod";
import { DocumentRef } from "./dian-status";

/**
 * Every error the public API can answer: code → HTTP status → default Spanish message. The edge builds both its
 * runtime responses and its OpenAPI components from this one table, so the two cannot drift.
 */
export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 422, message: "La solicitud tiene datos inválidos" },
  MALFORMED_JSON: { status: 400, message: "El cuerpo no es JSON válido" },
  BAD_REQUEST: { status: 400, message: "La solicitud no es válida" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "El cuerpo debe enviarse como application/json" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "El cuerpo de la solicitud es demasiado grande" },
  UNAUTHENTICATED: { status: 401, message: "Token de acceso ausente, inválido o vencido" },
  INVALID_CREDENTIALS: { status: 401, message: "Correo o contraseña incorrectos" },
  FACTUS_TOKEN_MISSING: {
    status: 401,
    message: "Falta el encabezado X-Factus-Token (o X-Factus-Connection con una conexión guardada)",
  },
  FACTUS_UNAUTHENTICATED: {
    status: 401,
    message: "Factus rechazó el token: inicie sesión en Factus de nuevo",
  },
  FACTUS_CONNECTION_NEEDS_REAUTH: {
    status: 401,
    message:
      "Factus ya no acepta la conexión guardada: renuévela con POST /api/v1/factus-connections/{id}/reauthorize " +
      "(sus claves de API siguen sirviendo después)",
  },
  FORBIDDEN: { status: 403, message: "No tiene permiso para esta operación" },
  NOT_FOUND: { status: 404, message: "Recurso no encontrado" },
  FACTUS_PENDING_DOCUMENT: {
    status: 409,
    message:
      "Un documento pendiente ante la DIAN bloquea el rango de numeración: error.document dice cuál y cómo resolverlo",
  },
  DIAN_DOCUMENT_ALREADY_PROCESSED: {
    status: 409,
    message:
      "La DIAN ya tiene este documento (regla 90, documento procesado anteriormente): no lo elimine ni lo reenvíe; " +
      "concilie su estado con Factus",
  },
  DOCUMENT_AWAITING_DIAN: {
    status: 409,
    message:
      "La DIAN aún no responde sobre este documento: no lo elimine; reenvíelo tal cual (POST " +
      "/api/v1/{invoices|credit-notes}/reference/{reference_code}/retry) para conocer su estado",
  },
  REFERENCE_CODE_IN_USE: {
    status: 409,
    message: "El código de referencia ya identifica otro documento en Factus, con otro cliente o total",
  },
  CONFLICT: { status: 409, message: "El recurso ya existe o está en un estado que no lo permite" },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    message: "Otra solicitud con la misma Idempotency-Key aún se está procesando; reintente en unos segundos",
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: "La Idempotency-Key ya se usó con un cuerpo distinto",
  },
  NOT_AVAILABLE_ON_FACTUS_VERSION: {
    status: 422,
    message:
      "La versión de la API de Factus de su cuenta no admite un dato de la solicitud: error.details dice cuál y " +
      "qué enviar en su lugar",
  },
  DIAN_REJECTED: { status: 422, message: "La DIAN rechazó el documento" },
  RATE_LIMITED: { status: 429, message: "Demasiadas solicitudes; reintente más tarde" },
  FACTUS_SUBSCRIPTION_EXHAUSTED: {
    status: 402,
    message:
      "La suscripción de Factus no tiene documentos disponibles: adquiera un nuevo plan para seguir emitiendo",
  },
  INTERNAL: {
    status: 500,
    message: "Error interno; reintente más tarde y, si persiste, informe el request_id",
  },
  LOGIN_UNAVAILABLE: {
    status: 503,
    message: "No es posible verificar los intentos de inicio de sesión ahora; reintente en unos segundos",
  },
  UPSTREAM_ERROR: { status: 502, message: "Factus respondió con un error" },
  UPSTREAM_UNAVAILABLE: { status: 503, message: "No fue posible conectar con Factus" },
  UPSTREAM_TIMEOUT: { status: 504, message: "Factus no respondió a tiempo" },
  FACTUS_OUTCOME_UNKNOWN: {
    status: 503,
    message:
      "Se perdió la respuesta de Factus y no fue posible saber si emitió el documento: reintente con la misma " +
      "Idempotency-Key o el mismo reference_code (nunca con otro), que primero lo buscará en Factus",
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
export const ErrorCode = z.enum(Object.keys(ERROR_CATALOG) as [ErrorCode, ...ErrorCode[]]);

export const ErrorDetail = z
  .object({
    path: z
      .string()
      .meta({ description: 'Campo con punto como separador, p. ej. "items.0.price"; "" para el cuerpo.' }),
    message: z.string(),
  })
  .meta({ id: "ErrorDetail" });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The one error envelope of the API. */
export const ErrorEnvelope = z
  .object({
    message: z.string().meta({ description: "Mensaje en español para mostrar a una persona." }),
    error: z.object({
      code: ErrorCode,
      request_id: z.string(),
      details: z.array(ErrorDetail),
      document: DocumentRef.optional().meta({
        description:
          "El documento de Factus en juego: el que la DIAN rechazó (con el número consumido), el que bloquea el " +
          "rango, o el que ya usa el código de referencia.",
      }),
    }),
  })
  .meta({
    id: "ErrorEnvelope",
    description: "Forma única de todo error.",
    examples: [
      {
        message: "La solicitud tiene datos inválidos",
        error: {
          code: "VALIDATION_FAILED",
          request_id: "0e4c5c7c-2f3e-4bde-8d55-2a7f5d0d8a11",
          details: [
            {
              path: "customer.dv",
              message: "Dígito de verificación incorrecto para el NIT 900123456: es 8, no 7",
            },
          ],
        },
      },
    ],
  });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
