import * as z from "zod";
import { strict } from "./primitives";

export const LoginRequest = strict({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ error: "Debe ser un correo válido" })),
  password: z.string().min(1, { error: "Obligatoria" }).max(256, { error: "Máximo 256 caracteres" }),
}).meta({ id: "LoginRequest", examples: [{ email: "demo@factus.local", password: "demo-password-123" }] });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LocalToken = z
  .object({
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.int().meta({ description: "Segundos hasta que vence el token." }),
  })
  .meta({ id: "LocalToken" });
export type LocalToken = z.infer<typeof LocalToken>;

export const FactusLoginRequest = strict({
  email: z.string().trim().min(1, { error: "Obligatorio" }).max(254),
  password: z.string().min(1, { error: "Obligatoria" }).max(256),
}).meta({ id: "FactusLoginRequest", description: "Credenciales de la cuenta de Factus." });
export type FactusLoginRequest = z.infer<typeof FactusLoginRequest>;

export const FactusRefreshRequest = strict({
  refresh_token: z.string().min(1, { error: "Obligatorio" }).max(4096),
}).meta({ id: "FactusRefreshRequest" });
export type FactusRefreshRequest = z.infer<typeof FactusRefreshRequest>;

export const FactusSession = z
  .object({
    access_token: z.string().meta({ description: "Envíelo en X-Factus-Token." }),
    token_type: z.string(),
    expires_in: z.int(),
    refresh_token: z.string(),
    factus_api_version: z
      .enum(["v1", "v2"])
      .nullable()
      .optional()
      .meta({
        description:
          "La versión de la API de Factus de la cuenta (v1 o v2), con la que un formulario calcula los totales que " +
          "Factus calculará (`computeInvoiceTotals(factura, { upstream })`); null si no se pudo saber ahora.",
      }),
  })
  .meta({ id: "FactusSession" });
export type FactusSession = z.infer<typeof FactusSession>;
