import type { CreateInvoiceRequest } from "@factus-edge/contracts";
import type { Context } from "hono";
import type { AppEnv } from "./context";

// The requests of invoices DIAN has not answered yet, per user and reference code, in D1: Factus' official retry
// re-sends the same payload, which only the caller had until now. A failed write never fails the create: the
// invoice exists either way, and the caller can still re-send its own request.

function warn(c: Context<AppEnv>, msg: string) {
  console.warn(JSON.stringify({ level: "warn", msg, request_id: c.get("requestId") }));
}

export async function rememberPendingRequest(c: Context<AppEnv>, invoice: CreateInvoiceRequest) {
  try {
    await c.env.DB.prepare(
      `INSERT INTO pending_invoice_requests (user_id, reference_code, request, created_at) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (user_id, reference_code) DO UPDATE SET request = excluded.request, created_at = excluded.created_at`,
    )
      .bind(c.get("user").id, invoice.reference_code, JSON.stringify(invoice), Date.now())
      .run();
  } catch {
    warn(c, "could not keep the request of a pending invoice");
  }
}

export async function pendingRequest(
  c: Context<AppEnv>,
  referenceCode: string,
): Promise<CreateInvoiceRequest | undefined> {
  const row = await c.env.DB.prepare(
    "SELECT request FROM pending_invoice_requests WHERE user_id = ?1 AND reference_code = ?2",
  )
    .bind(c.get("user").id, referenceCode)
    .first<{ request: string }>();
  return row ? JSON.parse(row.request) : undefined;
}

export async function forgetPendingRequest(c: Context<AppEnv>, referenceCode: string) {
  try {
    await c.env.DB.prepare("DELETE FROM pending_invoice_requests WHERE user_id = ?1 AND reference_code = ?2")
      .bind(c.get("user").id, referenceCode)
      .run();
  } catch {
    warn(c, "could not forget the request of a finished invoice");
  }
}
