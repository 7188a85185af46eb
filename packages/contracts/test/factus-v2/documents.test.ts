import { describe, expect, it } from "vitest";
import {
  FactusV2BillPage,
  FactusV2BillRequest,
  FactusV2BillResponse,
  FactusV2CreditNoteRequest,
  FactusV2CreditNoteResponse,
  FactusV2ForbiddenBody,
  FactusV2NumberingRangePage,
  FactusV2UnauthenticatedBody,
  FactusV2ValidationErrorBody,
  factusV2ErrorMessages,
  isV2Rejection,
  normalizeV2Errors,
  V2_VERSION_FORBIDDEN_MESSAGE,
} from "../../src/factus-v2";
import { v2Example } from "./fixtures";

// Shapes no v2 page publishes an example of (bill and note answers, lists, error bodies), built from the field
// tables and from what practitioners quote; plus the request rules the schemas add to the bare types.

const party = {
  identification_document: { code: "31", name: "NIT" },
  identification: "123456789",
  dv: "6",
  graphic_representation_name: "Alan company name",
  trade_name: "Alan trade name",
  company: "Alan company name",
  names: "",
  address: "calle 1 # 1-1",
  email: "alan.company@email.com",
  phone: "1234567890",
  legal_organization: { code: "1", name: "Persona Jurídica" },
  tribute: { code: "ZZ", name: "No aplica" },
  country: { code: "CO", name: "Colombia" },
  municipality: { code: "68679", name: "San Gil", department: { code: "68", name: "Santander" } },
};
const company = {
  url_logo: "https://example.test/logo.png",
  nit: "1000789002",
  dv: "2",
  economic_activity: "1084",
  establishment: {
    name: "FACTUS V2",
    address: "calle 11 8 84",
    phone_number: "3161331234",
    email: "factus@tudominio.com",
    municipality: party.municipality,
  },
};
const item = (price: string, quantity: string, total: string, tax: string) => ({
  code_reference: "PROD-000A",
  name: "Producto A",
  quantity,
  unit_measure: { code: "94", name: "unidad" },
  standard_code: { code: "999", name: "Estándar de adopción del contribuyente" },
  discount_rate: "0.00",
  discount: "0.00",
  gross_value: total,
  price,
  total,
  note: null,
  scheme_id: null,
  collection_concept: null,
  mandate: null,
  additional_properties: [],
  taxes: [
    {
      tribute: { code: "01", name: "IVA" },
      is_excluded: false,
      rates: [{ taxable_amount: total, tax_amount: tax, rate: "19.00" }],
    },
  ],
  withholding_taxes: [],
});

/** The create answer of facturas/crear-y-validar's example request, field by field from the response table. */
const documentedBillAnswer = {
  status: "Created",
  message: "Documento con el código de referencia FACT-2026-0124 registrado y validado con éxito",
  data: {
    reference_code: "FACT-2026-0124",
    number: "SETP990000550",
    order_reference: null,
    send_email: true,
    has_claim: false,
    is_negotiable_instrument: false,
    is_validated: true,
    validated_at: "06-05-2026 11:44:12 AM",
    errors: {
      FAJ44b: "Regla: FAJ44b, Notificación: Nit o Documento de Identificación informado No corresponde…",
    },
    observation: "Observación de prueba",
    created_at: "06-05-2026 11:44:11 AM",
    cufe: "a1b2",
    document_type: { code: "01", name: "Factura electrónica de Venta" },
    operation_type: { code: "10", name: "Estándar" },
    billing_period: null,
    payment_details: [
      {
        payment_form: { code: "1", name: "Pago de contado" },
        payment_method: { code: "42", name: "Consignación" },
        reference_code: "pago-001",
        amount: "83300.00",
        due_date: null,
      },
    ],
    numbering_range: {
      prefix: "SETP",
      from: 990000000,
      to: 995000000,
      resolution_number: "18760000001",
      start_date: "19-01-2019",
      end_date: "19-01-2030",
      months: 132,
    },
    health: null,
    beneficiary: null,
    company,
    customer: party,
    items: [
      item("10000.00", "1.00", "10000.00", "1900.00"),
      item("20000.00", "3.00", "60000.00", "11400.00"),
    ],
    prepayment_details: [],
    allowance_charges: [],
    taxes: [
      {
        tribute: { code: "01", name: "IVA" },
        is_excluded: false,
        rates: [{ taxable_amount: "70000.00", tax_amount: "13300.00", rate: "19.00" }],
      },
    ],
    withholding_taxes: [],
    totals: {
      prepayment_amount: "0.00",
      gross_amount: "70000.00",
      taxable_amount: "70000.00",
      tax_amount: "13300.00",
      surcharge_amount: "0.00",
      total: "83300.00",
    },
    related_documents: [],
    related_notes: { credit_notes: [], debit_notes: [] },
    links: {
      qr: "https://catalogo-vpfe-hab.dian.gov.co/document/searchqr?documentkey=a1b2",
      public_url: null,
    },
  },
};

describe("Factus v2 answers without a published example", () => {
  it("a bill create answer as the field table describes it", () => {
    const result = FactusV2BillResponse.safeParse(documentedBillAnswer);
    expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
    expect(normalizeV2Errors(result.data?.data.errors)).toEqual([
      "FAJ44b: Notificación: Nit o Documento de Identificación informado No corresponde…",
    ]);
  });

  it("a credit note answer (factus-js' shape: cude, correction_concept, related_bill)", () => {
    const { cufe: _cufe, ...bill } = documentedBillAnswer.data;
    const note = {
      ...bill,
      number: "NC1",
      cude: "c1d2",
      errors: [],
      correction_concept: { code: "2", name: "Anulación de factura electrónica." },
      customization: { code: "20", name: "Nota Crédito que referencia una factura electrónica." },
      related_bill: { number: "SETP990000550", reference_code: "FACT-2026-0124" },
    };
    const result = FactusV2CreditNoteResponse.safeParse({ status: "Created", message: "ok", data: note });
    expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
  });

  it("a bill list row shaped like the published adjustment note row", () => {
    const page = v2Example("notas-ajuste-documentos-soporte__ver-y-filtrar.1");
    const { provider, ...row } = page.data.data[0];
    const bills = { ...page, data: { ...page.data, data: [{ ...row, customer: provider }] } };
    const result = FactusV2BillPage.safeParse(bills);
    expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
  });

  it("numbering range rows with is_active as 1/0 or a boolean", () => {
    const row = {
      id: 4,
      document: "Factura de Venta",
      prefix: "SETP",
      from: 990000000,
      to: 995000000,
      current: "990000551",
      resolution_number: "18760000001",
      start_date: "2019-01-19",
      end_date: "2030-01-19",
      technical_key: "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c",
      is_expired: false,
      is_active: 1,
    };
    const page = FactusV2NumberingRangePage.parse({
      status: "OK",
      message: "Solicitud exitosa",
      data: {
        data: [row, { ...row, id: 5, is_active: false }],
        pagination: { total: 2, per_page: 10, current_page: 1, last_page: 1, from: 1, to: 2, links: [] },
      },
    });
    expect(page.data.data.map((range) => [range.current, range.is_active])).toEqual([
      [990000551, true],
      [990000551, false],
    ]);
  });
});

describe("DIAN notifications", () => {
  it("normalizes both published shapes to RULE: text", () => {
    expect(normalizeV2Errors({ FAK24: "Regla: FAK24, Rechazo: …", RUT01: ["uno", "dos"] })).toEqual([
      "FAK24: Rechazo: …",
      "RUT01: uno",
      "RUT01: dos",
    ]);
    expect(normalizeV2Errors(["Regla: NSAX04, Notificación: x", "texto libre"])).toEqual([
      "NSAX04: Notificación: x",
      "texto libre",
    ]);
    expect(normalizeV2Errors(null)).toEqual([]);
    expect(normalizeV2Errors({})).toEqual([]);
  });

  it("tells a rejection (Rechazo, not validated) from a pending document and a validated one", () => {
    expect(isV2Rejection({ is_validated: false, errors: { FAK24: "Regla: FAK24, Rechazo: …" } })).toBe(true);
    expect(isV2Rejection({ is_validated: false, errors: [] })).toBe(false);
    expect(isV2Rejection({ is_validated: true, errors: ["Regla: X, Rechazo: y"] })).toBe(false);
  });
});

describe("error bodies", () => {
  it("401, 403 (version and SDK shape), 422 (fields and DIAN)", () => {
    expect(FactusV2UnauthenticatedBody.parse({ message: "Unauthenticated." }).message).toBe(
      "Unauthenticated.",
    );
    expect(FactusV2ForbiddenBody.safeParse({ message: V2_VERSION_FORBIDDEN_MESSAGE }).success).toBe(true);
    const sdk = {
      status: "error",
      errors: [{ code: "403", message: "No permissions in sandbox", detail: null, api_version: "v2" }],
    };
    expect(factusV2ErrorMessages(FactusV2ForbiddenBody.parse(sdk))).toEqual(["No permissions in sandbox"]);
    expect(FactusV2ForbiddenBody.safeParse({}).success).toBe(false);

    const fields = {
      message: "The given data was invalid.",
      data: { errors: { "payment_details.0.amount": ["Esperado: 45,600.00 - Enviado: 45,000.00"] } },
    };
    expect(factusV2ErrorMessages(FactusV2ValidationErrorBody.parse(fields))).toEqual([
      "payment_details.0.amount: Esperado: 45,600.00 - Enviado: 45,000.00",
    ]);
    const dian = {
      status: "Validation error",
      message: "El documento contiene errores de validación",
      data: { message: "Documento con errores", errors: { FAK24: "Regla: FAK24, Rechazo: …" } },
    };
    expect(factusV2ErrorMessages(FactusV2ValidationErrorBody.parse(dian))).toEqual([
      "FAK24: Regla: FAK24, Rechazo: …",
    ]);
    expect(
      factusV2ErrorMessages({ message: "Se encontró una factura pendiente por enviar a la DIAN" }),
    ).toEqual(["Se encontró una factura pendiente por enviar a la DIAN"]);
  });
});

describe("request rules beyond the types", () => {
  const bill = () => v2Example("facturas__crear-y-validar.1");
  const issues = (value: unknown) =>
    FactusV2BillRequest.safeParse(value).error?.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );

  it("refuses unknown keys, 3-decimal money, unknown codes and a cash rounding past ±500", () => {
    expect(issues({ ...bill(), payment_form: "1" })?.[0]).toMatch(/^: Unrecognized key/);
    const [first] = bill().items;
    expect(issues({ ...bill(), items: [{ ...first, price: "10000.005" }] })).toEqual([
      "items.0.price: Admite como máximo 2 decimales",
    ]);
    expect(issues({ ...bill(), items: [{ ...first, unit_measure_code: "XX1" }] })).toEqual([
      "items.0.unit_measure_code: No es un código de unidad de medida de Factus v2",
    ]);
    expect(issues({ ...bill(), cash_rounding_amount: "-500.01" })).toEqual([
      "cash_rounding_amount: Debe ser al menos -500",
    ]);
  });

  it("applies the table's conditions: due date on credit, company/names by organization, one discount", () => {
    const [payment] = bill().payment_details;
    expect(issues({ ...bill(), payment_details: [{ ...payment, payment_form: "2" }] })).toEqual([
      "payment_details.0.due_date: due_date es obligatorio con payment_form 2 (crédito)",
    ]);
    const { company: _company, ...customer } = bill().customer;
    expect(issues({ ...bill(), customer })).toEqual([
      "customer.company: Obligatorio para persona jurídica (1)",
    ]);
    const [first] = bill().items;
    expect(issues({ ...bill(), items: [{ ...first, discount_rate: "10", discount_amount: "1" }] })).toEqual([
      "items.0.discount_amount: Envíe discount_rate o discount_amount, no ambos",
    ]);
    expect(issues({ ...bill(), items: [{ ...first, taxes: [{ code: "01" }] }] })).toEqual([
      "items.0.taxes.0: code y rate son obligatorios si el ítem no está excluido",
    ]);
  });

  it("a credit note needs bill_number, or billing_period when it references no bill (22)", () => {
    const { bill_number: _number, ...note } = v2Example("notas-credito__crear-y-validar.1");
    expect(FactusV2CreditNoteRequest.safeParse(note).success).toBe(false);
    const period = { start_date: "2026-01-01", end_date: "2026-01-31" };
    expect(
      FactusV2CreditNoteRequest.safeParse({ ...note, customization_id: "22", billing_period: period })
        .success,
    ).toBe(true);
  });
});
