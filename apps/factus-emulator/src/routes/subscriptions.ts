import { Hono } from "hono";
import { ok } from "../http";
import type { Account } from "../services/account";
import type { ApiVersion } from "../services/company";

/** The subscription's numbers: documents it includes, used (every numbered document), left; one year from seeding. */
export function subscriptionState(account: Account) {
  const total = account.settings.subscriptionDocuments;
  const used = account.store.countDocuments();
  const start = account.store.createdAt();
  const expires = new Date(new Date(start).getTime() + 365 * 86_400_000);
  const days = Math.max(0, Math.ceil((expires.getTime() - account.nowMs()) / 86_400_000));
  return { total, used, remaining: Math.max(0, total - used), start, expires: expires.toISOString(), days };
}

const isoSeconds = (iso: string) => `${iso.slice(0, 19)}Z`;

/**
 * `/{v1|v2}/subscriptions`: the plans of the account, and in v1 the current one's documents, as Factus' examples
 * show them (v2 has no `/current`: a client takes the active plan).
 */
export function subscriptionRoutes(account: Account, version: ApiVersion) {
  const app = new Hono();

  if (version === "v1")
    app.get("/current", (c) => {
      const state = subscriptionState(account);
      return ok(c, {
        total_documents: state.total,
        documents_used: state.used,
        documents_remaining: state.remaining,
        subscription_days_to_expires: state.days,
        subscription_start_date: isoSeconds(state.start),
        subscription_expiration_date: isoSeconds(state.expires),
        subscription_is_expired: state.days === 0,
      });
    });

  app.get("/", (c) => {
    const state = subscriptionState(account);
    return ok(c, [
      {
        name: "Facturación",
        supported_document_types: [
          "Factura de Venta",
          "Nota Crédito",
          "Nota Débito",
          "Documento Soporte",
          "Nota de Ajuste Documento Soporte",
        ],
        documents_quota: state.total,
        documents_consumed: state.used,
        documents_available: state.remaining,
        days_until_expiration: state.days,
        activated_at: isoSeconds(state.start),
        expires_at: isoSeconds(state.expires),
        has_expired: state.days === 0,
        is_active: state.days > 0,
        has_unlimited_quota: false,
      },
    ]);
  });

  return app;
}
