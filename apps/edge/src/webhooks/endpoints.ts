import type { WebhookEndpoint, WebhookEventType } from "@factus-edge/contracts/schemas/webhooks";
import { seal, sealingKeys, unseal } from "../factus/connections/sealing";
import type { Env } from "../platform/config";
import { isoOrNull } from "../platform/iso-time";
import { newWebhookSecret } from "./signature";

// A company's webhook endpoints in D1. The signing secret is shown once and kept sealed (it must be read back to
// sign); a rotation keeps the previous one signing for a day, so receivers can switch without losing a message.

export interface EndpointRow {
  id: string;
  company_nit: string;
  user_id: string;
  url: string;
  events: string;
  sealed_secret: string;
  sealed_previous_secret: string | null;
  previous_until: number | null;
  enabled: number;
  disabled_reason: string | null;
  failing_since: number | null;
  created_at: number;
  updated_at: number;
}

const ROTATION_OVERLAP_MS = 86_400_000;
const sealedFor = (id: string) => `webhook-secret:${id}`;

export const endpointView = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  events: JSON.parse(row.events) as WebhookEventType[],
  enabled: row.enabled === 1,
  disabled_reason: row.disabled_reason,
  failing_since: isoOrNull(row.failing_since),
  created_at: new Date(row.created_at).toISOString(),
});

export async function createEndpoint(
  env: Env,
  owner: { nit: string; userId: string },
  url: string,
  events: WebhookEventType[],
) {
  const id = `we_${crypto.getRandomValues(new Uint8Array(12)).toHex()}`;
  const secret = newWebhookSecret();
  const keys = await sealingKeys(env.FACTUS_CONNECTION_KEYS);
  const now = Date.now();
  const row = await env.DB.prepare(
    `INSERT INTO webhook_endpoints (id, company_nit, user_id, url, events, sealed_secret, created_at, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING *`,
  )
    .bind(
      id,
      owner.nit,
      owner.userId,
      url,
      JSON.stringify(events),
      await seal(keys, secret, sealedFor(id)),
      now,
    )
    .first<EndpointRow>();
  return { row: row!, secret };
}

export const companyEndpoints = (db: D1Database, nit: string) =>
  db
    .prepare("SELECT * FROM webhook_endpoints WHERE company_nit = ?1 ORDER BY created_at")
    .bind(nit)
    .all<EndpointRow>()
    .then((result) => result.results);

export const companyEndpoint = (db: D1Database, nit: string, id: string) =>
  db
    .prepare("SELECT * FROM webhook_endpoints WHERE company_nit = ?1 AND id = ?2")
    .bind(nit, id)
    .first<EndpointRow>();

export const deleteEndpoint = (db: D1Database, nit: string, id: string) =>
  db
    .batch([
      db.prepare("DELETE FROM webhook_deliveries WHERE endpoint_id = ?1").bind(id),
      db.prepare("DELETE FROM webhook_endpoints WHERE company_nit = ?1 AND id = ?2").bind(nit, id),
    ])
    .then(([, endpoints]) => (endpoints?.meta.changes ?? 0) > 0);

/** A new secret, answered once; the current one keeps signing beside it for a day. */
export async function rotateSecret(env: Env, row: EndpointRow) {
  const secret = newWebhookSecret();
  const keys = await sealingKeys(env.FACTUS_CONNECTION_KEYS);
  const now = Date.now();
  const updated = await env.DB.prepare(
    `UPDATE webhook_endpoints SET sealed_previous_secret = sealed_secret, previous_until = ?2, sealed_secret = ?3,
       updated_at = ?4 WHERE id = ?1 RETURNING *`,
  )
    .bind(row.id, now + ROTATION_OVERLAP_MS, await seal(keys, secret, sealedFor(row.id)), now)
    .first<EndpointRow>();
  return { row: updated!, secret };
}

export const enableEndpoint = (db: D1Database, id: string) =>
  db
    .prepare(
      `UPDATE webhook_endpoints SET enabled = 1, disabled_reason = NULL, failing_since = NULL, updated_at = ?2
       WHERE id = ?1 RETURNING *`,
    )
    .bind(id, Date.now())
    .first<EndpointRow>();

/** The secrets an attempt is signed with: the current one, and the previous one during its rotation's day. */
export async function signingSecrets(env: Env, row: EndpointRow, now = Date.now()) {
  const keys = await sealingKeys(env.FACTUS_CONNECTION_KEYS);
  const secrets = [await unseal(keys, row.sealed_secret, sealedFor(row.id))];
  if (row.sealed_previous_secret && (row.previous_until ?? 0) > now)
    secrets.push(await unseal(keys, row.sealed_previous_secret, sealedFor(row.id)));
  return secrets;
}
