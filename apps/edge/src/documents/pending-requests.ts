import type { Context } from "hono";
import { companyNitOf } from "../factus/company";
import type { AppEnv } from "../platform/context";

/** Which kind of document a request is for: reference codes are unique per kind, not across kinds. */
type Kind = "invoices" | "credit-notes";

// The requests of documents DIAN has not answered yet, in D1, per Factus company (the NIT Factus answers for the
// caller's token), kind and reference code, with the number of the document they were answered with: Factus'
// official retry re-sends the same payload, which only the caller had until now, and only onto that very document.
// A failed write never fails the create: the document exists either way, and the caller can re-send its own request.

function warn(c: Context<AppEnv>, msg: string) {
  console.warn(JSON.stringify({ level: "warn", msg, request_id: c.get("requestId") }));
}

export interface PendingRequest<Request> {
  request: Request;
  /** The document Factus numbered for it: a retry re-sends onto this one only. */
  documentNumber: string;
}

export async function rememberPendingRequest(
  c: Context<AppEnv>,
  kind: Kind,
  request: { reference_code: string },
  documentNumber: string,
) {
  try {
    await c.env.DB.prepare(
      `INSERT INTO pending_requests (company_nit, kind, reference_code, document_number, user_id, request, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (company_nit, kind, reference_code) DO UPDATE SET document_number = excluded.document_number,
         user_id = excluded.user_id, request = excluded.request, created_at = excluded.created_at`,
    )
      .bind(
        await companyNitOf(c),
        kind,
        request.reference_code,
        documentNumber,
        c.get("user").id,
        JSON.stringify(request),
        Date.now(),
      )
      .run();
  } catch {
    warn(c, "could not keep the request of a pending document");
  }
}

export async function pendingRequest<Request>(
  c: Context<AppEnv>,
  kind: Kind,
  referenceCode: string,
): Promise<PendingRequest<Request> | undefined> {
  const row = await c.env.DB.prepare(
    `SELECT request, document_number FROM pending_requests
     WHERE company_nit = ?1 AND kind = ?2 AND reference_code = ?3`,
  )
    .bind(await companyNitOf(c), kind, referenceCode)
    .first<{ request: string; document_number: string }>();
  return row ? { request: JSON.parse(row.request), documentNumber: row.document_number } : undefined;
}

export async function forgetPendingRequest(c: Context<AppEnv>, kind: Kind, referenceCode: string) {
  try {
    await c.env.DB.prepare(
      "DELETE FROM pending_requests WHERE company_nit = ?1 AND kind = ?2 AND reference_code = ?3",
    )
      .bind(await companyNitOf(c), kind, referenceCode)
      .run();
  } catch {
    warn(c, "could not forget the request of a finished document");
  }
}
