import type { Context } from "hono";
import type { AppEnv } from "../platform/context";

/** Which kind of document a request is for: reference codes are unique per kind, not across kinds. */
type Kind = "invoices" | "credit-notes";

// The requests of documents DIAN has not answered yet, per user, kind and reference code, in D1: Factus' official retry
// re-sends the same payload, which only the caller had until now. A failed write never fails the create: the
// invoice exists either way, and the caller can still re-send its own request.

function warn(c: Context<AppEnv>, msg: string) {
  console.warn(JSON.stringify({ level: "warn", msg, request_id: c.get("requestId") }));
}

export async function rememberPendingRequest(
  c: Context<AppEnv>,
  kind: Kind,
  request: { reference_code: string },
) {
  try {
    await c.env.DB.prepare(
      `INSERT INTO pending_requests (user_id, kind, reference_code, request, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (user_id, kind, reference_code) DO UPDATE SET request = excluded.request,
         created_at = excluded.created_at`,
    )
      .bind(c.get("user").id, kind, request.reference_code, JSON.stringify(request), Date.now())
      .run();
  } catch {
    warn(c, "could not keep the request of a pending invoice");
  }
}

export async function pendingRequest<Request>(
  c: Context<AppEnv>,
  kind: Kind,
  referenceCode: string,
): Promise<Request | undefined> {
  const row = await c.env.DB.prepare(
    "SELECT request FROM pending_requests WHERE user_id = ?1 AND kind = ?2 AND reference_code = ?3",
  )
    .bind(c.get("user").id, kind, referenceCode)
    .first<{ request: string }>();
  return row ? JSON.parse(row.request) : undefined;
}

export async function forgetPendingRequest(c: Context<AppEnv>, kind: Kind, referenceCode: string) {
  try {
    await c.env.DB.prepare(
      "DELETE FROM pending_requests WHERE user_id = ?1 AND kind = ?2 AND reference_code = ?3",
    )
      .bind(c.get("user").id, kind, referenceCode)
      .run();
  } catch {
    warn(c, "could not forget the request of a finished invoice");
  }
}
