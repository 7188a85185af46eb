import type { Subscription } from "@factus-edge/contracts/schemas/company";
import type { Context } from "hono";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { upstream } from "./call";

/**
 * The current subscription's documents, in the public shape. On v2 an unlimited plan says "Ilimitado" where the
 * remaining count goes: the public number is then the quota less what was consumed, never made up.
 */
export async function subscriptionOf(c: Context<AppEnv>): Promise<Subscription> {
  const current = await c.get("factus").subscriptions.current(upstream(c));
  if (current.apiVersion === "v2") {
    const available = Number(current.documents_available);
    return {
      documents_total: current.documents_quota,
      documents_used: current.documents_consumed,
      documents_remaining: Number.isInteger(available)
        ? available
        : current.documents_quota - current.documents_consumed,
      expires_at: current.expires_at,
      days_to_expire: current.days_until_expiration,
      is_expired: current.has_expired,
    };
  }
  return {
    documents_total: current.total_documents,
    documents_used: current.documents_used,
    documents_remaining: current.documents_remaining,
    expires_at: current.subscription_expiration_date,
    days_to_expire: current.subscription_days_to_expires,
    is_expired: current.subscription_is_expired,
  };
}

/** A 402 that explains itself: the subscription's numbers when Factus can give them. */
export async function subscriptionExhausted(c: Context<AppEnv>, cause: unknown): Promise<ApiError> {
  const subscription = await subscriptionOf(c).catch(() => undefined);
  const details = subscription
    ? [
        {
          path: "subscription",
          message:
            `Usados ${subscription.documents_used} de ${subscription.documents_total} documentos; quedan ` +
            `${subscription.documents_remaining}. Vence ${subscription.expires_at.slice(0, 10)}` +
            (subscription.is_expired ? " (vencida)" : ""),
        },
      ]
    : [];
  return new ApiError("FACTUS_SUBSCRIPTION_EXHAUSTED", { details, cause });
}
