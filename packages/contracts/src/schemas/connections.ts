import * as z from "zod";
import { FactusLoginRequest } from "./auth";
import { strict } from "./primitives";

// Server-to-server access: a Factus connection (the gateway keeps the account's rotating refresh token, encrypted,
// never the password) and API keys bound to one, for systems that call without a person logged in.

export const FactusConnectionRequest = FactusLoginRequest.meta({
  id: "FactusConnectionRequest",
  description:
    "Credenciales de la cuenta de Factus. La contraseña se usa una vez, para obtener los tokens, y no se guarda.",
});

export const FactusConnectionStatus = z.enum(["active", "needs_reauth"]).meta({
  description:
    "`needs_reauth`: Factus ya no acepta el token guardado; renueve la conexión con sus credenciales.",
});

export const FactusConnection = z
  .object({
    id: z.string(),
    company: z.object({ nit: z.string(), name: z.string() }),
    api_version: z.enum(["v1", "v2"]).meta({ description: "La versión de la API de Factus de la cuenta." }),
    status: FactusConnectionStatus,
    created_at: z.string().meta({ description: "ISO 8601." }),
  })
  .meta({ id: "FactusConnection" });
export type FactusConnection = z.infer<typeof FactusConnection>;

export const API_KEY_SCOPES = ["documents:read", "documents:write"] as const;
export const ApiKeyScope = z.enum(API_KEY_SCOPES).meta({
  description:
    "`documents:read`: consultas, listas y catálogos; `documents:write`: emitir, anular, reenviar, eliminar.",
});
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const CreateApiKeyRequest = strict({
  name: z.string().trim().min(1, { error: "Obligatorio" }).max(100),
  connection_id: z.string().min(1).max(64),
  scopes: z.array(ApiKeyScope).min(1).max(2).optional().meta({ description: "Por defecto, las dos." }),
}).meta({ id: "CreateApiKeyRequest" });
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>;

export const ApiKey = z
  .object({
    id: z.string(),
    prefix: z
      .string()
      .meta({ description: "El comienzo de la clave, para reconocerla; la clave no se guarda." }),
    name: z.string(),
    connection_id: z.string(),
    scopes: z.array(ApiKeyScope),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof ApiKey>;

export const CreatedApiKey = ApiKey.omit({ last_used_at: true })
  .extend({
    key: z.string().meta({
      description:
        "La clave: se muestra solo esta vez. Envíela como `Authorization: Bearer <clave>`, sin X-Factus-Token.",
    }),
  })
  .meta({ id: "CreatedApiKey" });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
