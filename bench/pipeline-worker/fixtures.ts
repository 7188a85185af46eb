import factusShow from "../../fixtures/factus-v1/facturas__ver.1.json";
import seed from "../../fixtures/seeds/create-invoice.request.json";

/** The customer's seed invoice (dv fixed) with `items` lines. */
export function invoiceWith(items: number) {
  const invoice = structuredClone(seed);
  invoice.customer.dv = "8";
  invoice.items = Array.from({ length: items }, (_, index) => ({
    ...seed.items[0]!,
    code_reference: `PROD-${index}`,
  }));
  return JSON.stringify(invoice);
}

/** What Factus answers for a bill with `items` lines. */
export function factusBillWith(items: number) {
  const answer = structuredClone(factusShow);
  answer.data.items = Array.from({ length: items }, (_, index) => ({
    ...factusShow.data.items[0]!,
    code_reference: `PROD-${index}`,
  }));
  return JSON.stringify(answer);
}
