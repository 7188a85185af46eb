import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  FactusV2AcquirerResponse,
  FactusV2AdjustmentNotePage,
  FactusV2AdjustmentNoteRequest,
  FactusV2AdjustmentNoteResponse,
  FactusV2BillRequest,
  FactusV2CreateNumberingRangeRequest,
  FactusV2CreditNoteRequest,
  FactusV2CustomerTributeCode,
  FactusV2DebitNoteRequest,
  FactusV2IdentityDocumentCode,
  FactusV2ItemTax,
  FactusV2LegalOrganizationCode,
  FactusV2Message,
  FactusV2MunicipalityCode,
  FactusV2PaymentDetails,
  FactusV2Pdf,
  FactusV2PrepaymentDetail,
  FactusV2RadianEventRequest,
  FactusV2SendEmailRequest,
  FactusV2StandardCode,
  FactusV2SupportDocumentRequest,
  FactusV2Token,
  FactusV2UnitMeasureCode,
  FactusV2UpdateCompanyRequest,
  FactusV2WithholdingTax,
  FactusV2Xml,
  normalizeV2Errors,
  V2Amount,
  V2CashRounding,
} from "../../src/factus-v2";
import { v2Example, v2ExampleNames } from "./fixtures";

// Every JSON example of Factus' v2 docs (fixtures/factus-v2/, README there) against the schema of its operation:
// requests with the request schemas (strict: an unknown key fails), answers with the response schemas.

const BILL_CREATE_EXAMPLES = [
  "facturas__crear-y-validar.1",
  "facturas__ejemplos__estandar-anticipo.1",
  "facturas__ejemplos__estandar-autorrentenciones.1",
  "facturas__ejemplos__estandar-consumidor-final.1",
  "facturas__ejemplos__estandar-credito.1",
  "facturas__ejemplos__estandar-currency.1",
  "facturas__ejemplos__estandar-establecimiento.1",
  "facturas__ejemplos__estandar-impuesto-excluido.1",
  "facturas__ejemplos__estandar-orden-servicio.1",
  "facturas__ejemplos__estandar-propina.1",
  "facturas__ejemplos__redondeo-medios-pago.1",
  "facturas__tipos-de-factura__estandar.1",
  "facturas__tipos-de-factura__mandatos.1",
  "facturas__tipos-de-factura__ss-cufe.1",
  "facturas__tipos-de-factura__ss-recaudo.1",
  "facturas__tipos-de-factura__ss-recaudo.2",
  "facturas__tipos-de-factura__ss-reporte.1",
  "facturas__tipos-de-factura__ss-sin-aporte.1",
  "facturas__tipos-de-factura__transporte.1",
];

/**
 * Example → schema. Keys the field tables do not list but the examples send are accepted on purpose (each is
 * explained where the schema declares it):
 * - bills: `items[].scheme_id`, `collection_concept_code`, `additional_properties` (mandates, SS-Recaudo,
 *   transport; the credit note table has them), `beneficiary` (SS-Recaudo), `prepayment_details[].concept_code`
 *   (SS examples); `customer` absent in anticipo, currency and both SS-Recaudo; `legal_organization_code` absent in
 *   consumidor-final;
 * - debit note: `send_email` (not in its table); support document: `provider.legal_organization_code`;
 * - company update: `responsibilities` as one string, not a list.
 */
const CASES: [string, z.ZodType][] = [
  ["autenticacion__auth.1", FactusV2Token],
  ["autenticacion__refresh-token.1", FactusV2Token],
  ...BILL_CREATE_EXAMPLES.map((name): [string, z.ZodType] => [name, FactusV2BillRequest]),
  ["facturas__enviar-correo.1", FactusV2SendEmailRequest],
  ["facturas__representacion-grafica.1", FactusV2SendEmailRequest],
  ["facturas__aceptacion-tacita.1", FactusV2RadianEventRequest],
  ["notas-credito__crear-y-validar.1", FactusV2CreditNoteRequest],
  ["notas-credito__enviar-correo.1", FactusV2SendEmailRequest],
  ["notas-debito__crear-y-validar.1", FactusV2DebitNoteRequest],
  ["notas-debito__enviar-correo.1", FactusV2SendEmailRequest],
  ["documentos-soporte__crear-validar.1", FactusV2SupportDocumentRequest],
  ["notas-ajuste-documentos-soporte__crear-validar.1", FactusV2AdjustmentNoteRequest],
  ["notas-ajuste-documentos-soporte__ver.1", FactusV2AdjustmentNoteResponse],
  ["notas-ajuste-documentos-soporte__ver-y-filtrar.1", FactusV2AdjustmentNotePage],
  ["notas-ajuste-documentos-soporte__descargar-pdf.1", FactusV2Pdf],
  ["notas-ajuste-documentos-soporte__descargar-xml.1", FactusV2Xml],
  ["notas-ajuste-documentos-soporte__eliminar.1", FactusV2Message],
  [
    "rangos-de-numeracion__facturacion__ejemplos__crear-rango-para-documento-soporte.1",
    FactusV2CreateNumberingRangeRequest,
  ],
  [
    "rangos-de-numeracion__facturacion__ejemplos__crear-rango-para-facturacion.1",
    FactusV2CreateNumberingRangeRequest,
  ],
  [
    "rangos-de-numeracion__facturacion__ejemplos__crear-rango-para-notas-credito.1",
    FactusV2CreateNumberingRangeRequest,
  ],
  ["rangos-de-numeracion__facturacion__eliminar-rango.1", FactusV2Message],
  // A payroll range's delete: outside the gateway, but the same `{ status, message }` body.
  ["rangos-de-numeracion__nomina__eliminar-rango.1", FactusV2Message],
  ["informacion-adquirientes__obtener-datos-adquiriente.1", FactusV2AcquirerResponse],
  ["empresas__actualizar.1", FactusV2UpdateCompanyRequest],
];

/**
 * The migration page ("Cambios de V1 a V2") shows fragments: each puts a v1 field next to its v2 replacement, so no
 * fragment is a body. Each case takes the v2 part out of the fragment (the v1 keys named are left behind) and
 * parses it with the schema of that field.
 */
// biome-ignore lint/suspicious/noExplicitAny: raw JSON
type Fragment = [name: string, v1Keys: string, part: (json: any) => unknown, schema: z.ZodType];
const FRAGMENTS: Fragment[] = [
  [
    "buenas-practicas__cambios-v2-v1.1",
    "payment_form, payment_method_code",
    (j) => j.payment_details,
    FactusV2PaymentDetails,
  ],
  ["buenas-practicas__cambios-v2-v1.2", "—", (j) => j.cash_rounding_amount, V2CashRounding],
  [
    "buenas-practicas__cambios-v2-v1.4",
    "identification_document_id",
    (j) => j.customer.identification_document_code,
    FactusV2IdentityDocumentCode,
  ],
  [
    "buenas-practicas__cambios-v2-v1.5",
    "legal_organization_id",
    (j) => j.customer.legal_organization_code,
    FactusV2LegalOrganizationCode,
  ],
  [
    "buenas-practicas__cambios-v2-v1.6",
    "tribute_id",
    (j) => j.customer.tribute_code,
    FactusV2CustomerTributeCode,
  ],
  ["buenas-practicas__cambios-v2-v1.8", "— (v2 price is net)", (j) => j.items[0].price, V2Amount],
  [
    "buenas-practicas__cambios-v2-v1.10",
    "standard_id",
    (j) => j.items[0].standard_code,
    FactusV2StandardCode,
  ],
  [
    "buenas-practicas__cambios-v2-v1.11",
    "tax_rate, tribute_id",
    (j) => j.items[0].taxes,
    z.array(FactusV2ItemTax),
  ],
  ["buenas-practicas__cambios-v2-v1.12", "—", (j) => j.items[0].taxes, z.array(FactusV2ItemTax)],
  [
    "buenas-practicas__cambios-v2-v1.13",
    "withholding_tax_rate",
    (j) => j.withholding_taxes.map(({ withholding_tax_rate: _v1, ...v2 }: Record<string, unknown>) => v2),
    z.array(FactusV2WithholdingTax),
  ],
];

/** Published examples that do not fit, and why: each must fail, on the field named. */
// biome-ignore lint/suspicious/noExplicitAny: raw JSON
const DO_NOT_FIT: [name: string, part: (json: any) => unknown, schema: z.ZodType, why: string][] = [
  [
    "buenas-practicas__cambios-v2-v1.3",
    (j) => j.prepayment_details[0],
    FactusV2PrepaymentDetail,
    "prepayment_form/prepayment_method_code/due_date are not the create table's prepayment fields (reference_code, received_date, amount, note)",
  ],
  [
    "buenas-practicas__cambios-v2-v1.7",
    (j) => j.customer.municipality_code,
    FactusV2MunicipalityCode,
    'municipality_code "1" is illustrative: not a DANE code',
  ],
  [
    "buenas-practicas__cambios-v2-v1.9",
    (j) => j.items[0].unit_measure_code,
    FactusV2UnitMeasureCode,
    'unit_measure_code "1" is illustrative: not in the unit table',
  ],
];

/** Not parsed: payroll is outside the gateway; the four downloadable tables are checked in tables.test.ts. */
const NOT_SCHEMAS = [
  "nomina__crear-y-validar.1",
  "nota-ajuste-nomina__crear-y-validar.1",
  "tablas-de-referencia__countries.1",
  "tablas-de-referencia__currency.1",
  "tablas-de-referencia__municipios.1",
  "tablas-de-referencia__unit-measures.1",
];

describe("Factus v2 schemas accept every published example", () => {
  it.each(CASES)("%s", (name, schema) => {
    const result = schema.safeParse(v2Example(name));
    expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
  });

  it.each(FRAGMENTS)("%s (migration fragment; v1 keys left out: %s)", (name, _v1Keys, part, schema) => {
    const result = schema.safeParse(part(v2Example(name)));
    expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
  });

  it.each(DO_NOT_FIT)("%s does not fit", (name, part, schema, _why) => {
    expect(schema.safeParse(part(v2Example(name))).success).toBe(false);
  });

  it("accounts for every example file exactly once", () => {
    const listed = [
      ...CASES.map(([name]) => name),
      ...FRAGMENTS.map(([name]) => name),
      ...DO_NOT_FIT.map(([name]) => name),
      ...NOT_SCHEMAS,
    ];
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(v2ExampleNames().sort());
  });
});

describe("what the examples parse to", () => {
  it("reads mixed strings and numbers as the text the field tables type", () => {
    const bill = FactusV2BillRequest.parse(v2Example("facturas__ejemplos__redondeo-medios-pago.1"));
    expect(bill.payment_details.map((payment) => payment.payment_form)).toEqual(["1", "1"]);
    expect(bill.cash_rounding_amount).toBe("-14.81");
    const tip = FactusV2BillRequest.parse(v2Example("facturas__ejemplos__estandar-propina.1"));
    expect(tip.allowance_charges?.[0]?.amount).toBe("2000");
    const recaudo = FactusV2BillRequest.parse(v2Example("facturas__tipos-de-factura__ss-recaudo.1"));
    expect(recaudo.items[0]?.scheme_id).toBe("0");
    const transport = FactusV2BillRequest.parse(v2Example("facturas__tipos-de-factura__transporte.1"));
    expect(transport.items[0]?.additional_properties?.[2]).toEqual({
      code: "03",
      value: "250000",
      quantity: "10",
      unit_measure_code: "KGM",
    });
  });

  it("reads the published adjustment note: errors as a list, money as strings", () => {
    const note = FactusV2AdjustmentNoteResponse.parse(
      v2Example("notas-ajuste-documentos-soporte__ver.1"),
    ).data;
    expect(note.is_validated).toBe(true);
    expect(note.totals.total).toBe("100000.00");
    expect(normalizeV2Errors(note.errors)[0]).toBe(
      "NSAX04: Notificación: No se encuentra el grupo TaxSubtotal",
    );
    const page = FactusV2AdjustmentNotePage.parse(
      v2Example("notas-ajuste-documentos-soporte__ver-y-filtrar.1"),
    );
    expect(page.data.pagination.links[1]?.page).toBe(1);
  });
});
