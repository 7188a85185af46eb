import type { Context } from "hono";
import { companyNitOf } from "../factus/company";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";

/**
 * How long a lease holds an invoice: longer than a create may wait for Factus (FACTUS_CREATE_TIMEOUT_MS, 30 s) plus
 * the balance reads and a lost answer's lookup. A holder that crashed frees it when it expires.
 */
const LEASE_MS = 120_000;

/**
 * Runs `work` (read the invoice's balance, then issue the note) holding the invoice's lease: one correction at a time
 * per Factus company and invoice, so concurrent notes (a double submit, two tabs, two users of one company) can never
 * all pass the balance check and over-credit a legal document. A second correction while one runs is refused (409
 * CONFLICT, Retry-After) before anything reaches Factus: its retry reads the new balance.
 */
export async function withInvoiceLease<T>(
  c: Context<AppEnv>,
  invoiceNumber: string,
  work: () => Promise<T>,
): Promise<T> {
  const key = `${await companyNitOf(c)}:${invoiceNumber}`;
  const holder = crypto.randomUUID();
  const now = Date.now();
  const taken = await c.env.DB.prepare(
    `INSERT INTO invoice_leases (lease_key, holder, expires_at) VALUES (?1, ?2, ?3)
     ON CONFLICT (lease_key) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE invoice_leases.expires_at <= ?4
     RETURNING holder`,
  )
    .bind(key, holder, now + LEASE_MS, now)
    .first<{ holder: string }>();
  if (taken?.holder !== holder) {
    throw new ApiError("CONFLICT", {
      message:
        `Otra corrección de la factura ${invoiceNumber} está en curso: reintente en unos segundos, con el saldo que ` +
        "quede después de ella",
      headers: { "Retry-After": "5" },
    });
  }
  try {
    return await work();
  } finally {
    // A lease not given back (D1 unreachable) only delays the next correction until it expires.
    await c.env.DB.prepare("DELETE FROM invoice_leases WHERE lease_key = ?1 AND holder = ?2")
      .bind(key, holder)
      .run()
      .catch(() => undefined);
  }
}
