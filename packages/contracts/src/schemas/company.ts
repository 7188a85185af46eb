import * as z from "zod";

// Public schemas of GET /api/v1/company and /company/subscription.

export const CompanyProfile = z
  .object({
    nit: z.string(),
    dv: z.string().nullable(),
    name: z.string().meta({ description: "Razón social, o nombres y apellidos de una persona natural." }),
    trade_name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    economic_activity: z.string().nullable().meta({ description: "Código CIIU." }),
    logo_url: z.string().nullable(),
  })
  .meta({
    id: "CompanyProfile",
    description: "El emisor de las facturas: la empresa de la cuenta de Factus.",
  });
export type CompanyProfile = z.infer<typeof CompanyProfile>;

export const Subscription = z
  .object({
    documents_total: z.int(),
    documents_used: z.int(),
    documents_remaining: z.int(),
    expires_at: z.string().meta({ description: "ISO 8601." }),
    days_to_expire: z.int(),
    is_expired: z.boolean(),
  })
  .meta({
    id: "Subscription",
    description: "Documentos de la suscripción de Factus: sin documentos restantes, Factus responde 402.",
  });
export type Subscription = z.infer<typeof Subscription>;
