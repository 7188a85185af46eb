import { describe, expect, it } from "vitest";
import type * as z from "zod";
import {
  FactusAcquirerResponse,
  FactusAdjustmentNoteRequest,
  FactusBillPage,
  FactusBillResponse,
  FactusCompanyResponse,
  FactusCountries,
  FactusCreditNotePage,
  FactusCreditNoteRequest,
  FactusCreditNoteResponse,
  FactusDianRanges,
  FactusEmailContent,
  FactusMeasurementUnits,
  FactusMessage,
  FactusMunicipalities,
  FactusNumberingRangePage,
  FactusNumberingRangeResponse,
  FactusPdf,
  FactusRadianEvents,
  FactusSupportDocumentPage,
  FactusSupportDocumentRequest,
  FactusSupportDocumentResponse,
  FactusToken,
  FactusTributes,
  FactusXml,
} from "../src";
import { factusExample } from "./fixtures";

const cases: [string, z.ZodType][] = [
  ["autenticacion__auth.1", FactusToken],
  ["autenticacion__refresh-token.1", FactusToken],
  ["facturas__crear-y-validar-factura__factura-avanzada.2", FactusBillResponse],
  ["facturas__ver.1", FactusBillResponse],
  ["facturas__ver-y-filtrar.1", FactusBillPage],
  ["facturas__descargar-factura.1", FactusPdf],
  ["facturas__descargar-xml.1", FactusXml],
  ["facturas__eliminar.1", FactusMessage],
  ["facturas__enviar-correo.1", FactusMessage],
  ["facturas__eventos-de-facturas.1", FactusRadianEvents],
  ["facturas__obtener-contenido-de-correo.1", FactusEmailContent],
  ["notas-credito__crear-y-validar.1", FactusCreditNoteRequest],
  ["notas-credito__crear-y-validar.2", FactusCreditNoteResponse],
  ["notas-credito__ver-filtrar.1", FactusCreditNotePage],
  ["notas-credito__descargar-pdf.1", FactusPdf],
  ["notas-credito__descargar-xml.1", FactusXml],
  ["notas-credito__eliminar.1", FactusMessage],
  ["documentos-soporte__crear-validar.1", FactusSupportDocumentRequest],
  ["documentos-soporte__crear-validar.2", FactusSupportDocumentResponse],
  ["documentos-soporte__ver.1", FactusSupportDocumentResponse],
  ["documentos-soporte__ver-y-filtrar.1", FactusSupportDocumentPage],
  ["documentos-soporte__descargar-documento-soporte.1", FactusPdf],
  ["documentos-soporte__descargar-xml.1", FactusXml],
  ["documentos-soporte__eliminar.1", FactusMessage],
  ["notas-ajuste-documentos-soporte__descargar-nota-ajuste-soporte-pdf.1", FactusPdf],
  ["notas-ajuste-documentos-soporte__descargar-xml.1", FactusXml],
  ["notas-ajuste-documentos-soporte__eliminar.1", FactusMessage],
  ["rangos-de-numeracion__obtener-rangos.1", FactusNumberingRangePage],
  ["rangos-de-numeracion__ver-rango.1", FactusNumberingRangeResponse],
  ["rangos-de-numeracion__crear-rango.1", FactusNumberingRangeResponse],
  ["rangos-de-numeracion__rangos-asociados-al-software.1", FactusDianRanges],
  ["rangos-de-numeracion__eliminar-rango.1", FactusMessage],
  ["municipios__obtener-municipios.1", FactusMunicipalities],
  ["paises__obtener-paises.1", FactusCountries],
  ["tributos__tributos-de-productos.1", FactusTributes],
  ["unidades-de-medida__obtener-unidades.1", FactusMeasurementUnits],
  ["informacion-adquirientes__obtener-datos-adquiriente.1", FactusAcquirerResponse],
  ["empresas__ver.1", FactusCompanyResponse],
];

describe("Factus v1 schemas accept every published example", () => {
  it.each(cases)("%s", (name, schema) => {
    const result = schema.safeParse(factusExample(name));
    expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
  });

  it("normalizes lenient fields: money to strings, DIAN notes to a list", () => {
    const page = FactusBillPage.parse(factusExample("facturas__ver-y-filtrar.1"));
    expect(page.data.data[0]?.total).toBe("90000.00");
    expect(page.data.data[0]?.errors[0]).toMatch(/^Regla: FAJ43b/);
    const bill = FactusBillResponse.parse(factusExample("facturas__ver.1")).data;
    expect(bill.items[0]?.total).toBe("40000");
    expect(bill.bill.status).toBe(1);
  });

  it("v1 adjustment notes name their support document by id: the v2-shaped example of the v1 page is refused", () => {
    const published = factusExample("notas-ajuste-documentos-soporte__crear-validar.1");
    const refused = FactusAdjustmentNoteRequest.safeParse(published);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path[0])).toContain("support_document_id");
    const { provider: _v2Provider, items: _v2Items, ...head } = published;
    const v1 = factusExample("documentos-soporte__crear-validar.1");
    const note = FactusAdjustmentNoteRequest.parse({
      reference_code: head.reference_code,
      support_document_id: 6,
      correction_concept_code: head.correction_concept_code,
      payment_method_code: "10",
      provider: v1.provider,
      items: v1.items,
    });
    expect(note).toMatchObject({ support_document_id: 6, correction_concept_code: "2" });
    expect(note.items[0]?.withholding_taxes).toEqual([{ code: "06", withholding_tax_rate: 3.5 }]);
  });

  it("a support document's provider: only the identity documents DIAN allows a seller", () => {
    const v1 = factusExample("documentos-soporte__crear-validar.1");
    const withCc = { ...v1, provider: { ...v1.provider, identification_document_id: 3 } };
    expect(FactusSupportDocumentRequest.safeParse(withCc).success).toBe(false);
  });
});
