import type { WebhookDelivery } from "@factus-edge/contracts/schemas/webhooks";
import { wakeCompany } from "../completion/wake";
import { nextAttemptAt } from "../platform/backoff";
import type { Config, Env } from "../platform/config";
import { isoOrNull } from "../platform/iso-time";
import { sha256Hex } from "../platform/sha256";
import { type EndpointRow, signingSecrets } from "./endpoints";
import { signWebhook } from "./signature";

// Deliveries, at least once: a message is stored per endpoint before anything is sent, then sent by the company's
// Durable Object (CompanyWork) with the same webhook-id on every attempt, until a 2xx within the timeout or the
// horizon (3 days). An endpoint that has failed every attempt for that long is disabled and says how to enable it.

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  company_nit: string;
  event_type: string;
  body: string;
  state: "pending" | "delivered" | "failed";
  attempts: number;
  next_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

export const deliveryView = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  event_type: row.event_type,
  state: row.state,
  attempts: row.attempts,
  next_attempt_at: isoOrNull(row.next_attempt_at),
  last_status: row.last_status,
  last_error: row.last_error,
  created_at: new Date(row.created_at).toISOString(),
  delivered_at: isoOrNull(row.delivered_at),
});

/**
 * Tells a company's endpoints subscribed to `type` (or only `endpointId`'s, for a test): one stored message each,
 * then the company's object is woken to send them. `subject` names what the event is about (a document): the same
 * event about the same subject is stored once per endpoint, whoever reports it (the job, a caller's re-send, /retry).
 */
export async function publish(
  env: Env,
  nit: string,
  event: { type: string; data: () => unknown; subject?: string },
  endpointId?: string,
) {
  const { results: endpoints } = await env.DB.prepare(
    `SELECT id, events FROM webhook_endpoints WHERE company_nit = ?1 AND enabled = 1 AND (?2 IS NULL OR id = ?2)`,
  )
    .bind(nit, endpointId ?? null)
    .all<{ id: string; events: string }>();
  const subscribed = endpoints.filter(
    (endpoint) => endpointId || (JSON.parse(endpoint.events) as string[]).includes(event.type),
  );
  if (subscribed.length === 0) return [];
  const now = Date.now();
  // The data is built only when someone listens (a rejected document's detail may cost a Factus read).
  const data = await event.data();
  const body = JSON.stringify({ type: event.type, timestamp: new Date(now).toISOString(), data });
  const ids = await Promise.all(
    subscribed.map(async (endpoint) =>
      event.subject
        ? `msg_${(await sha256Hex(`${endpoint.id}|${event.type}|${event.subject}`)).slice(0, 32)}`
        : `msg_${crypto.getRandomValues(new Uint8Array(16)).toHex()}`,
    ),
  );
  await env.DB.batch(
    subscribed.map((endpoint, index) =>
      env.DB.prepare(
        `INSERT OR IGNORE INTO webhook_deliveries (id, endpoint_id, company_nit, event_type, body, state, attempts,
           next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 'pending', 0, ?6, ?6)`,
      ).bind(ids[index], endpoint.id, nit, event.type, body, now),
    ),
  );
  await wakeCompany(env, nit, now);
  return ids;
}

type DueDelivery = DeliveryRow & { endpoint: string };

/** Sends what is due for a company, together (each waits at most the timeout). Returns how many it sent. */
export async function deliverDue(env: Env, config: Config, nit: string, now = Date.now()) {
  const { results } = await env.DB.prepare(
    `SELECT d.*, json_object('id', e.id, 'url', e.url, 'sealed_secret', e.sealed_secret,
         'sealed_previous_secret', e.sealed_previous_secret, 'previous_until', e.previous_until,
         'failing_since', e.failing_since) AS endpoint
     FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
     WHERE d.company_nit = ?1 AND d.state = 'pending' AND d.next_attempt_at <= ?2 AND e.enabled = 1
     ORDER BY d.created_at LIMIT 50`,
  )
    .bind(nit, now)
    .all<DueDelivery>();
  await Promise.all(results.map((row) => deliverOne(env, config, row)));
  return results.length;
}

async function deliverOne(env: Env, config: Config, row: DueDelivery) {
  const endpoint = JSON.parse(row.endpoint) as EndpointRow;
  const timestamp = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const signature = await signWebhook(await signingSecrets(env, endpoint), row.id, timestamp, row.body);
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "factus-edge-webhooks/1",
        "webhook-id": row.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signature,
      },
      body: row.body,
      // A redirect is not a delivery (Standard Webhooks): the receiver must answer at the URL it registered.
      redirect: "manual",
      signal: AbortSignal.timeout(config.webhookTimeoutMs),
    });
    status = response.status;
    await response.body?.cancel();
    if (status < 200 || status > 299) error = `El endpoint respondió ${status}`;
  } catch (failure) {
    error =
      failure instanceof DOMException && failure.name === "TimeoutError"
        ? `Sin respuesta en ${config.webhookTimeoutMs / 1000} s`
        : "No se pudo conectar con el endpoint";
  }
  const now = Date.now();
  if (error === null) {
    await env.DB.batch([
      env.DB.prepare(
        `UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, next_attempt_at = NULL,
           last_status = ?2, last_error = NULL, delivered_at = ?3 WHERE id = ?1`,
      ).bind(row.id, status, now),
      env.DB.prepare("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ?1").bind(endpoint.id),
    ]);
    return;
  }
  const horizonMs = config.webhookRetryHorizonHours * 3_600_000;
  const next = nextAttemptAt(config.webhookRetrySchedule, horizonMs, row.created_at, row.attempts + 1, now);
  const failingSince = endpoint.failing_since ?? now;
  const disable = now - failingSince >= horizonMs;
  await env.DB.batch([
    env.DB.prepare(
      `UPDATE webhook_deliveries SET state = ?2, attempts = attempts + 1, next_attempt_at = ?3, last_status = ?4,
         last_error = ?5 WHERE id = ?1`,
    ).bind(row.id, next === null ? "failed" : "pending", next, status, error),
    env.DB.prepare(
      `UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, ?2),
         enabled = CASE WHEN ?3 THEN 0 ELSE enabled END,
         disabled_reason = CASE WHEN ?3 THEN ?4 ELSE disabled_reason END WHERE id = ?1`,
    ).bind(
      endpoint.id,
      now,
      disable ? 1 : 0,
      `Deshabilitado el ${new Date(now).toISOString()}: cada entrega falló durante ${config.webhookRetryHorizonHours} h. ` +
        `Corrija el endpoint y llame a POST /api/v1/webhook-endpoints/${endpoint.id}/enable; las entregas fallidas ` +
        "se reenvían con POST …/deliveries/{delivery_id}/retry.",
    ),
  ]);
}

export const endpointDeliveries = (db: D1Database, endpointId: string, limit: number) =>
  db
    .prepare("SELECT * FROM webhook_deliveries WHERE endpoint_id = ?1 ORDER BY created_at DESC, id LIMIT ?2")
    .bind(endpointId, limit)
    .all<DeliveryRow>()
    .then((result) => result.results);

/** Sends a delivery again now (failed, pending, or delivered and lost by the receiver); its webhook-id stays the same. */
export const redeliver = (db: D1Database, endpointId: string, id: string) =>
  db
    .prepare(
      `UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = ?3 WHERE endpoint_id = ?1 AND id = ?2 RETURNING *`,
    )
    .bind(endpointId, id, Date.now())
    .first<DeliveryRow>();
