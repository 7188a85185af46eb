import type { Context } from "hono";
import { factusTokenDigest } from "../factus/call";
import { factusClientFor } from "../factus/client";
import { companyNitOf } from "../factus/company";
import { connectionToken, connectionTokenSource } from "../factus/connections/connections";
import { seal, sealingKeys, unseal } from "../factus/connections/sealing";
import { isProvenAlive } from "../factus/liveness";
import type { Config, Env } from "../platform/config";
import type { AppEnv } from "../platform/context";
import type { JobRow } from "./jobs";
import { wakeCompany } from "./wake";

// What background work acts with in Factus: the company's stored connection (it renews itself), else the last token
// a caller of the company sent, kept sealed (AES-GCM, the connections' keys) for as long as Factus keeps a token
// alive, and dropped as soon as Factus refuses it or nothing waits for it.

/** Factus' access tokens live an hour (`expires_in: 3600`); a kept one is never used past that. */
const TOKEN_LIFETIME_MS = 3_600_000;
const sealedFor = (nit: string) => `company-token:${nit}`;

export type Credential = { connectionId: string } | { token: string };

/** The statement that keeps this request's own Factus token for the company's background work. */
export async function keepCallerToken(c: Context<AppEnv>, nit: string) {
  const keys = await sealingKeys(c.env.FACTUS_CONNECTION_KEYS);
  const now = Date.now();
  return c.env.DB.prepare(
    `INSERT INTO company_tokens (company_nit, sealed_token, stored_at, expires_at) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT (company_nit) DO UPDATE SET sealed_token = excluded.sealed_token, stored_at = excluded.stored_at,
       expires_at = excluded.expires_at`,
  ).bind(nit, await seal(keys, c.get("factusToken"), sealedFor(nit)), now, now + TOKEN_LIFETIME_MS);
}

/** The job's own connection, else any live connection of its company, else the company's kept token. */
export async function credentialFor(
  env: Env,
  job: Pick<JobRow, "connection_id" | "company_nit">,
): Promise<Credential | undefined> {
  const connection = await env.DB.prepare(
    `SELECT id FROM factus_connections WHERE status = 'active' AND (id = ?1 OR company_nit = ?2)
     ORDER BY id = ?1 DESC, updated_at DESC LIMIT 1`,
  )
    .bind(job.connection_id, job.company_nit)
    .first<{ id: string }>();
  if (connection) return { connectionId: connection.id };
  const kept = await env.DB.prepare(
    "SELECT sealed_token FROM company_tokens WHERE company_nit = ?1 AND expires_at > ?2",
  )
    .bind(job.company_nit, Date.now())
    .first<{ sealed_token: string }>();
  if (!kept) return undefined;
  const keys = await sealingKeys(env.FACTUS_CONNECTION_KEYS);
  return { token: await unseal(keys, kept.sealed_token, sealedFor(job.company_nit)) };
}

/** Factus refused the kept token: it is never tried again. */
export const forgetCompanyToken = (env: Env, nit: string) =>
  env.DB.prepare("DELETE FROM company_tokens WHERE company_nit = ?1").bind(nit).run();

/** Companies with jobs paused for a credential (the steady state: none; the index on state answers it). */
const companiesWaiting = (db: D1Database) =>
  db
    .prepare("SELECT DISTINCT company_nit FROM document_jobs WHERE state = 'needs_token'")
    .all<{ company_nit: string }>()
    .then(({ results }) => new Set(results.map((row) => row.company_nit)));

/**
 * After a request that carried a token Factus accepted: if jobs of its company wait for a credential, the token is
 * kept for them and they resume now. Runs after the answer (never on the caller's time): one indexed D1 read.
 */
export async function offerToken(c: Context<AppEnv>) {
  if (c.get("connectionId") || !isProvenAlive(await factusTokenDigest(c))) return;
  const companies = await companiesWaiting(c.env.DB);
  if (companies.size === 0) return;
  const nit = await companyNitOf(c);
  if (!companies.has(nit)) return;
  const now = Date.now();
  await c.env.DB.batch([
    await keepCallerToken(c, nit),
    c.env.DB.prepare(
      `UPDATE document_jobs SET state = 'scheduled', next_attempt_at = ?2, updated_at = ?2
       WHERE company_nit = ?1 AND state = 'needs_token'`,
    ).bind(nit, now),
  ]);
  await wakeCompany(c.env, nit, now);
}

/** The request variables of background work acting for `owner` (the user behind the job or batch). */
export function backgroundVariables(config: Config, owner: { user_id: string }) {
  return {
    config,
    factus: factusClientFor(config),
    requestId: `job-${crypto.randomUUID()}`,
    user: { id: owner.user_id, email: "", role: "user" as const },
    reconcileFirst: false,
    outcomeUnknown: false,
    inBackground: true,
  };
}

/** Puts the credential on the context, as the Factus-token middleware does for a request. */
export async function withCredential(c: Context<AppEnv>, env: Env, credential: Credential) {
  if ("token" in credential) {
    c.set("factusToken", credential.token);
    return;
  }
  c.set("connectionId", credential.connectionId);
  c.set("factusToken", await connectionToken(env, credential.connectionId));
  c.set("factusTokens", connectionTokenSource(c, credential.connectionId));
}
