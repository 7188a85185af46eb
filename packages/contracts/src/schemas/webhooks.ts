import * as z from "zod";
import { strict } from "./primitives";

// Webhooks: the gateway tells a company's systems what happened to its documents, signed as Standard Webhooks
// specifies (README, "Webhooks"). And where a document DIAN left pending stands in the gateway's own hands.

/** Every kind of document the gateway issues: each has its `<kind>.validated`, `.rejected` and `.pending` events. */
export const DOCUMENT_KINDS = [
  "invoice",
  "credit_note",
  "debit_note",
  "support_document",
  "adjustment_note",
] as const;
export type DocumentKindName = (typeof DOCUMENT_KINDS)[number];

export const WEBHOOK_EVENTS = [
  ...DOCUMENT_KINDS.flatMap((kind) => [`${kind}.validated`, `${kind}.rejected`, `${kind}.pending`] as const),
  "document.needs_token",
  "batch.completed",
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENTS).meta({
  id: "WebhookEventType",
  description:
    "`*.validated` / `*.rejected`: el veredicto de la DIAN; `*.pending`: numerado, la DIAN aún no responde (el " +
    "servicio lo termina solo); `document.needs_token`: el servicio no tiene con qué credencial terminar un " +
    "documento (envíe cualquier solicitud con X-Factus-Token de la empresa, o guarde una conexión); " +
    "`batch.completed`: un lote terminó (cada factura con su estado final).",
});
export type WebhookEventType = z.infer<typeof WebhookEventType>;

export const CreateWebhookEndpointRequest = strict({
  url: z
    .string()
    .max(2048)
    .meta({
      description: "https, en una dirección pública (nunca privada, de loopback ni link-local).",
      examples: ["https://erp.example.com/hooks/factus"],
    }),
  events: z
    .array(WebhookEventType)
    .min(1)
    .max(WEBHOOK_EVENTS.length)
    .refine((events) => new Set(events).size === events.length, { error: "Eventos repetidos" }),
}).meta({ id: "CreateWebhookEndpointRequest" });
export type CreateWebhookEndpointRequest = z.infer<typeof CreateWebhookEndpointRequest>;

export const WebhookEndpoint = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(WebhookEventType),
    enabled: z.boolean(),
    disabled_reason: z.string().nullable().meta({
      description: "Por qué se deshabilitó y cómo habilitarlo de nuevo (POST …/{id}/enable).",
    }),
    failing_since: z.string().nullable().meta({ description: "Desde cuándo falla cada entrega (ISO 8601)." }),
    created_at: z.string(),
  })
  .meta({ id: "WebhookEndpoint" });
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookEndpointWithSecret = WebhookEndpoint.extend({
  secret: z.string().meta({
    description:
      "`whsec_` + base64: con él se verifica `webhook-signature` (Standard Webhooks). Se muestra solo en esta respuesta.",
  }),
}).meta({ id: "WebhookEndpointWithSecret" });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const WebhookDelivery = z
  .object({
    id: z.string().meta({ description: "El `webhook-id` de cada intento: el mismo en todos." }),
    event_type: z.string(),
    state: z.enum(["pending", "delivered", "failed"]),
    attempts: z.int(),
    next_attempt_at: z.string().nullable(),
    last_status: z
      .int()
      .nullable()
      .meta({ description: "El estado HTTP que respondió el endpoint, si respondió." }),
    last_error: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** A document DIAN has not answered yet, in the gateway's hands: it re-sends it by itself until DIAN's verdict. */
export const DocumentCompletion = z
  .object({
    state: z.enum(["scheduled", "needs_token"]).meta({
      description:
        "`scheduled`: el servicio lo reenviará en `next_attempt_at`; `needs_token`: no tiene credencial para " +
        "hacerlo (cualquier solicitud de la empresa con X-Factus-Token lo reanuda).",
    }),
    attempts: z.int().meta({ description: "Reenvíos hechos por el servicio." }),
    next_attempt_at: z.string().nullable().meta({ description: "ISO 8601." }),
    last_error: z.string().nullable(),
  })
  .meta({ id: "DocumentCompletion" });
export type DocumentCompletion = z.infer<typeof DocumentCompletion>;
