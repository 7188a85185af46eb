import { describe, expect, it } from "vitest";
import type * as z from "zod";
import {
  FactusAcquirerResponse,
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
});
