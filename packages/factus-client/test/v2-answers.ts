import { V2_VERSION_FORBIDDEN_MESSAGE } from "@factus-edge/contracts/factus-v2";
import { type Call, fakeFetch, jsonResponse, v2Example } from "./fake-fetch";

// Factus v2 answers for the fake fetch. v2 publishes one document answer (an adjustment note) and one list; the
// others are built from it and from the field tables, as packages/contracts/test/factus-v2 does.

const published = v2Example("notas-ajuste-documentos-soporte__ver.1").data;
const publishedList = v2Example("notas-ajuste-documentos-soporte__ver-y-filtrar.1").data;

const envelope = (data: unknown, status = "OK") => ({ status, message: "Solicitud exitosa", data });

const customer = { ...published.provider, country: { code: "CO", name: "Colombia" } };
const item = {
  ...published.items[0],
  gross_value: "100000.00",
  taxes: [
    {
      tribute: { code: "01", name: "IVA" },
      is_excluded: false,
      rates: [{ taxable_amount: "100000.00", tax_amount: "19000.00", rate: "19.00" }],
    },
  ],
};
const totals = {
  prepayment_amount: "0.00",
  gross_amount: "100000.00",
  taxable_amount: "100000.00",
  tax_amount: "19000.00",
  surcharge_amount: "0.00",
  total: "119000.00",
};

/** A v2 bill answer (create or show): the published adjustment note's parties and item, a bill's fields. */
export const v2Bill = (overrides: Record<string, unknown> = {}) => ({
  reference_code: "FACT-2026-0124",
  number: "SETP990000550",
  send_email: true,
  is_validated: true,
  validated_at: "06-05-2026 11:44:12 AM",
  errors: {
    FAJ44b: "Regla: FAJ44b, Notificación: Nit o Documento de Identificación informado No corresponde",
  },
  observation: null,
  created_at: "06-05-2026 11:44:11 AM",
  cufe: "c0ffee",
  document_type: { code: "01", name: "Factura electrónica de Venta" },
  operation_type: { code: "10", name: "Estándar" },
  payment_details: published.payment_details,
  numbering_range: { prefix: "SETP", from: 990000000, to: 995000000, resolution_number: "18760000001" },
  company: published.company,
  customer,
  items: [item],
  totals,
  related_notes: { credit_notes: [], debit_notes: [] },
  links: {
    qr: "https://catalogo-vpfe-hab.dian.gov.co/document/searchqr?documentkey=c0ffee",
    public_url: null,
  },
  ...overrides,
});

/** A v2 credit or debit note answer: a bill's shape with `cude`, `correction_concept` and `related_bill`. */
export const v2Note = (overrides: Record<string, unknown> = {}) => {
  const { cufe: _cufe, document_type: _type, related_notes: _notes, ...bill } = v2Bill();
  return {
    ...bill,
    reference_code: "NC-1",
    number: "NC1",
    cude: "cade",
    errors: published.errors,
    correction_concept: { code: "2", name: "Anulación de factura electrónica" },
    customization: { code: "20", name: "Nota Crédito que referencia una factura electrónica" },
    related_bill: { number: "SETP990000550", reference_code: "FACT-2026-0124" },
    ...overrides,
  };
};

/** A v2 list page of `rows`, paginated as the published list is. */
export const v2Page = (rows: unknown[], current = 1, last = 1) =>
  envelope({
    data: rows,
    pagination: { ...publishedList.pagination, current_page: current, last_page: last, total: rows.length },
  });

/** A bill or note list row, as the published adjustment note list row with `customer` for `provider`. */
export const v2Row = (number: string) => {
  const { provider, ...row } = publishedList.data[0];
  return { ...row, number, customer: provider };
};

export const v2Range = (id: number) => ({
  id,
  document: "Factura de Venta",
  prefix: "SETP",
  from: 990000000,
  to: 995000000,
  current: 990000550,
  resolution_number: "18760000001",
  start_date: "2019-01-19",
  end_date: "2030-01-19",
  technical_key: "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c",
  is_expired: false,
  is_active: true,
});

export const v2Company = {
  ...published.company,
  company: "FACTUS V2 S.A.S.",
  graphic_representation_name: "FACTUS V2",
  email: "factus@tudominio.com",
  tribute: { code: "01", name: "IVA" },
  legal_organization: { code: "1", name: "Persona Jurídica" },
  responsibilities: [{ code: "R-99-PN", name: "No responsable" }],
};

export const v2Subscription = (overrides: Record<string, unknown> = {}) => ({
  name: "Plan facturación",
  supported_document_types: ["01", "91", "92"],
  documents_quota: 100,
  documents_consumed: 40,
  documents_available: 60,
  days_until_expiration: 200,
  activated_at: "2026-01-01",
  expires_at: "2027-01-01",
  has_expired: false,
  is_active: true,
  has_unlimited_quota: false,
  ...overrides,
});

export const versionForbidden = () => jsonResponse({ message: V2_VERSION_FORBIDDEN_MESSAGE }, 403);

/**
 * A Factus with accounts on either version: `accounts` maps a token to its account's version. A call to the other
 * version's paths answers the version 403, as Factus does; the rest answers `routes["METHOD /path"]` (a body, or a
 * function of the call), else 404.
 */
export function versionedFactus(
  accounts: Record<string, "v1" | "v2">,
  routes: Record<string, unknown | ((call: Call) => Response)> = {},
) {
  return fakeFetch((call) => {
    const token = call.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    const version = /^\/(v[12])\//.exec(call.url.pathname)?.[1];
    const account = accounts[token];
    if (!account) return jsonResponse({ message: "Unauthenticated." }, 401);
    if (version && version !== account) return versionForbidden();
    const route = routes[`${call.method} ${call.url.pathname}`];
    if (typeof route === "function") return route(call);
    return route === undefined ? jsonResponse({ message: "No encontrado" }, 404) : jsonResponse(route);
  });
}

export { envelope };
