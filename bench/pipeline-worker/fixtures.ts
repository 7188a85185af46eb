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

/**
 * What Factus answers for the bill `invoiceWith(items)` describes: its customer and total (1,000,000.00 a line, tax
 * included), validated, so the gateway recognises it as the request's own invoice.
 */
export function factusBillWith(items: number) {
  const answer = structuredClone(factusShow);
  answer.data.items = Array.from({ length: items }, (_, index) => ({
    ...factusShow.data.items[0]!,
    code_reference: `PROD-${index}`,
  }));
  answer.data.customer.identification = seed.customer.identification;
  answer.data.bill.total = `${items * 1_000_000}.00`;
  answer.data.bill.status = 1;
  return JSON.stringify(answer);
}

/** The account's numbering ranges: one active bill range, valid until 2030, as the create's pre-flight reads it. */
export const factusRanges = JSON.stringify({
  status: "OK",
  message: "Solicitud exitosa",
  data: {
    data: [
      {
        id: 4,
        document: "Factura de Venta",
        prefix: "SETP",
        from: 990000000,
        to: 995000000,
        current: 990000001,
        resolution_number: "18760000001",
        start_date: "2019-01-19",
        end_date: "2030-01-19",
        technical_key: "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c",
        is_expired: false,
        is_active: 1,
      },
    ],
    pagination: { total: 1, per_page: 10, current_page: 1, last_page: 1, from: 1, to: 1, links: [] },
  },
});

/** The account's company, as `GET /v1/company` answers it: what keys the caller's company-scoped state. */
export const factusCompany = JSON.stringify({
  status: "OK",
  message: "Solicitud exitosa",
  data: { nit: "900825759", dv: "7", company: "EMPRESA DEMO S.A.S.", email: "demo@factus.local" },
});

/** A page of the bill list, as Factus' published example answers it. */
export { default as factusBillList } from "../../fixtures/factus-v1/facturas__ver-y-filtrar.1.json";
