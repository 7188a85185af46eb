import type { FactusConnection } from "@factus-edge/contracts/schemas/connections";
import type { Context } from "hono";
import type { AppEnv } from "../../platform/context";
import { ApiError } from "../../platform/errors";
import { callFactus } from "../call";
import { companyNameOf } from "../company";
import { passwordGrantFor } from "../oauth";
import {
  type ConnectionRow,
  connectionObject,
  findConnection,
  forgetConnectionToken,
  newConnectionId,
} from "./connections";

// Opening, renewing and removing a user's stored Factus connections. The account's password is used once, for the
// password grant, and never kept; what is kept is the grant's tokens, sealed, in the connection's own object.

export const connectionView = (row: ConnectionRow): FactusConnection => ({
  id: row.id,
  company: { nit: row.company_nit, name: row.company_name },
  api_version: row.api_version,
  status: row.status,
  created_at: new Date(row.created_at).toISOString(),
});

/** The company Factus answers for a token, and the account's API version. */
async function companyOf(c: Context<AppEnv>, accessToken: string) {
  const options = { requestId: c.get("requestId"), accessToken };
  const factus = c.get("factus");
  const company = (await callFactus(() => factus.company.get(options))) as Record<string, unknown>;
  const version = await callFactus(() => factus.apiVersionOf(options));
  return { nit: String(company.nit), name: companyNameOf(company), version };
}

export async function openConnection(c: Context<AppEnv>, email: string, password: string) {
  const grant = await passwordGrantFor(c, email, password);
  const company = await companyOf(c, grant.access_token);
  const id = newConnectionId();
  const object = connectionObject(c.env, id);
  await object.open(id, grant);
  const now = Date.now();
  const row: ConnectionRow = {
    id,
    user_id: c.get("user").id,
    company_nit: company.nit,
    company_name: company.name,
    api_version: company.version,
    status: "active",
    created_at: now,
    updated_at: now,
  };
  try {
    await c.env.DB.prepare(
      `INSERT INTO factus_connections (id, user_id, company_nit, company_name, api_version, status, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
      .bind(row.id, row.user_id, row.company_nit, row.company_name, row.api_version, row.status, now, now)
      .run();
  } catch (error) {
    // The tokens are dropped too: nothing is kept for a connection that does not exist.
    await object.forget();
    throw error;
  }
  return row;
}

/** Renews a connection Factus no longer accepts, under the same id (its keys keep working). */
export async function reauthorizeConnection(c: Context<AppEnv>, id: string, email: string, password: string) {
  const row = await ownConnection(c, id);
  const grant = await passwordGrantFor(c, email, password);
  const company = await companyOf(c, grant.access_token);
  if (company.nit !== row.company_nit) {
    throw new ApiError("CONFLICT", {
      message:
        `Esa cuenta de Factus es de otra empresa (NIT ${company.nit}); la conexión ${id} es de ${row.company_nit}: ` +
        "cree otra conexión para ella",
    });
  }
  await connectionObject(c.env, id).open(id, grant);
  forgetConnectionToken(id);
  const now = Date.now();
  await c.env.DB.prepare(
    "UPDATE factus_connections SET status = 'active', api_version = ?2, updated_at = ?3 WHERE id = ?1",
  )
    .bind(id, company.version, now)
    .run();
  return { ...row, status: "active" as const, api_version: company.version, updated_at: now };
}

/** The caller's own connection, or 404 (another user's is as unknown as one that never existed). */
export async function ownConnection(c: Context<AppEnv>, id: string) {
  const row = id.length <= 64 ? await findConnection(c.env.DB, c.get("user").id, id) : null;
  if (!row) throw new ApiError("NOT_FOUND", { message: `No existe la conexión ${id.slice(0, 64)}` });
  return row;
}

export function listConnections(c: Context<AppEnv>) {
  return c.env.DB.prepare("SELECT * FROM factus_connections WHERE user_id = ?1 ORDER BY created_at DESC")
    .bind(c.get("user").id)
    .all<ConnectionRow>()
    .then((result) => result.results);
}

/** Removes a connection, its keys and its sealed tokens. */
export async function removeConnection(c: Context<AppEnv>, id: string) {
  await ownConnection(c, id);
  await c.env.DB.batch([
    c.env.DB.prepare("DELETE FROM api_keys WHERE connection_id = ?1").bind(id),
    c.env.DB.prepare("DELETE FROM factus_connections WHERE id = ?1").bind(id),
  ]);
  await connectionObject(c.env, id).forget();
  forgetConnectionToken(id);
}
