// Compiled by test/packaging.test.ts with tsc (strict, NodeNext) inside a fresh npm project: the packages' types
// resolve from their tarballs and refuse what they should.
import { type CreateInvoiceRequest, computeInvoiceTotals, type InvoiceTotals } from "@factus-edge/contracts";
import { FactusBillRequest } from "@factus-edge/contracts/factus";
import { FactusClient, FactusValidationError } from "@factus-edge/factus-client";
import { createEdgeClient, createInvoice, type EdgeApiError, getInvoice } from "@factus-edge/sdk";

export async function typed(request: CreateInvoiceRequest): Promise<string> {
  const totals: InvoiceTotals = computeInvoiceTotals(request);
  const edge = createEdgeClient({ baseUrl: "https://facturas.example.com" });
  const created = await createInvoice(edge, { body: request });
  const detail = await getInvoice(edge, { path: { number: created.number } });
  const cufe: string = detail.data.bill.cufe;
  // @ts-expect-error — the number is required
  await getInvoice(edge, { path: {} });
  const factus = new FactusClient({ environment: "sandbox" });
  void factus;
  void FactusValidationError;
  const code: EdgeApiError["code"] = "VALIDATION_FAILED";
  // The Factus wire schemas, from their own subpath.
  const wire: FactusBillRequest = FactusBillRequest.parse(request);
  // @ts-expect-error — Factus' request has no such field
  void wire.invoice_number;
  return `${totals.bill.total} ${cufe} ${code} ${wire.reference_code}`;
}
