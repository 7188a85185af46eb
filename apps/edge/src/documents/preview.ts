import { formatCents } from "@factus-edge/contracts/decimal";
import { toFactusV2Bill } from "@factus-edge/contracts/mapping/to-factus-v2";
import type { CreateInvoiceRequest } from "@factus-edge/contracts/schemas/invoice-request";
import type { InvoicePreview } from "@factus-edge/contracts/schemas/invoice-responses";
import { computeInvoiceTotals, type InvoiceTotals, upstreamPricing } from "@factus-edge/contracts/totals";
import type { Context } from "hono";
import { callFactus } from "../factus/call";
import { factusVersionOf } from "../factus/documents";
import type { AppEnv } from "../platform/context";
import { expectedOf, notOnV2 } from "./kinds/flow";
import { money } from "./money";
import { checkNumberingRange } from "./numbering-ranges";
import { roundingOf } from "./verdicts";

/**
 * The invoice the caller's Factus account will issue for this request, to the cent, without issuing it: every rule
 * the create applies (the body's schema, the range pre-flight, what v2 cannot carry), then the account's own
 * arithmetic (contracts' `computeInvoiceTotals` with its version), which the emulator checks independently.
 */
export async function previewInvoice(
  c: Context<AppEnv>,
  invoice: CreateInvoiceRequest,
): Promise<InvoicePreview> {
  const version = await callFactus(() => factusVersionOf(c));
  await checkNumberingRange(c, invoice, { strict: true });
  let totals: InvoiceTotals;
  if (version === "v2") {
    // The mapping computes v2's totals itself: the very figures the create will send as its payment.
    const mapping = toFactusV2Bill(invoice);
    if (!mapping.ok) throw notOnV2(mapping.issues);
    totals = mapping.totals;
  } else totals = computeInvoiceTotals(invoice, { upstream: "v1" });
  const prices = upstreamPricing(invoice, { upstream: version });
  const rounding = roundingOf(totals.bill.total, expectedOf(invoice.customer.identification, totals));
  return {
    factus_api_version: version,
    bill: {
      subtotal: money(totals.bill.gross_value),
      tax_total: money(totals.bill.tax_amount),
      total: money(totals.bill.total),
      discount_total: money(totals.bill.discount_amount),
      surcharge_total: money(totals.bill.surcharge_amount),
    },
    items: invoice.items.map((item, index) => ({
      code_reference: item.code_reference,
      name: item.name,
      quantity: item.quantity,
      price: money(formatCents(prices[index]!.price)),
      tax_rate: money(item.tax_rate),
      total: money(totals.items[index]!.total),
    })),
    ...(rounding && { rounding }),
  };
}
