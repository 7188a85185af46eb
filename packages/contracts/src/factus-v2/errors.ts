import * as z from "zod";

// Error bodies. No v2 page documents one [respuestas-del-api lists statuses only]; these are the shapes seen by
// practitioners and in factus-js, all read leniently. Status codes: 200, 201, 204, 400, 401, 402, 403, 404, 409,
// 422, 429, 500, 503.

/** 401, Laravel's default: `{ "message": "Unauthenticated." }`. */
export const FactusV2UnauthenticatedBody = z.looseObject({ message: z.string() });
export const V2_UNAUTHENTICATED_MESSAGE = "Unauthenticated.";

/**
 * 403. Two causes with Factus JSON: the account is enabled for the other API version (`{ message }`, text
 * below), or a permission error in factus-js' shape `{ status, errors: [{ code, message, detail, api_version }] }`
 * (known only from an SDK mock). Cloudflare's 403 for a request without User-Agent is HTML, not JSON.
 */
export const FactusV2ForbiddenBody = z
  .looseObject({
    status: z.string().optional(),
    message: z.string().optional(),
    errors: z
      .array(
        z.looseObject({
          code: z.union([z.string(), z.number()]).optional(),
          message: z.string(),
          detail: z.string().nullable().optional(),
          api_version: z.string().optional(),
        }),
      )
      .optional(),
  })
  .refine((body) => body.message !== undefined || body.errors !== undefined, { error: "message o errors" });
export type FactusV2ForbiddenBody = z.infer<typeof FactusV2ForbiddenBody>;
/** The 403 `message` when v1 credentials call /v2 (and the other way round). */
export const V2_VERSION_FORBIDDEN_MESSAGE = "Version de API no disponible para esta empresa";

const fieldErrors = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * 422. Request validation (Laravel: field → messages, under `data.errors`, or at the top level as Laravel puts
 * them; e.g. `payment_details.0.amount`, or "Esperado: 45,600.00 - Enviado: …" when the payments do not add up),
 * or a DIAN rejection (`{ status: "Validation error", message, data: { message, errors } }`, rule → text or a list).
 */
export const FactusV2ValidationErrorBody = z.looseObject({
  status: z.string().optional(),
  message: z.string(),
  errors: fieldErrors.optional(),
  data: z
    .looseObject({
      message: z.string().optional(),
      errors: z.union([fieldErrors, z.array(z.string())]).optional(),
    })
    .nullable()
    .optional(),
});
export type FactusV2ValidationErrorBody = z.infer<typeof FactusV2ValidationErrorBody>;

/** 409 and the statuses without a known body (402, 404, 429, 500, 503): at most `{ status, message }`. */
export const FactusV2ErrorMessageBody = z.looseObject({
  status: z.string().optional(),
  message: z.string().optional(),
});

/** Every message of a v2 error body, flattened: `"field: text"` for keyed errors, the texts as they are otherwise. */
export function factusV2ErrorMessages(body: unknown): string[] {
  if (!body || typeof body !== "object") return [];
  const { message, errors, data } = body as Record<string, unknown>;
  const keyed = (value: unknown): string[] => {
    if (Array.isArray(value))
      return value.flatMap((entry: unknown) => {
        if (typeof entry === "string") return [entry];
        const text =
          entry && typeof entry === "object" ? (entry as { message?: unknown }).message : undefined;
        return typeof text === "string" ? [text] : [];
      });
    if (!value || typeof value !== "object") return [];
    return Object.entries(value).flatMap(([key, texts]) =>
      [texts].flat().map((text) => `${key}: ${String(text)}`),
    );
  };
  const nested = data && typeof data === "object" ? (data as Record<string, unknown>).errors : undefined;
  const details = [...keyed(errors), ...keyed(nested)];
  return details.length > 0 ? details : typeof message === "string" ? [message] : [];
}
