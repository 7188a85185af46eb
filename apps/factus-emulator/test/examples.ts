// The published Factus examples the emulator's answers are compared with.

export { default as company } from "../../../fixtures/factus-v1/empresas__ver.1.json";
export { default as createdBill } from "../../../fixtures/factus-v1/facturas__crear-y-validar-factura__factura-avanzada.2.json";
export { default as billPdf } from "../../../fixtures/factus-v1/facturas__descargar-factura.1.json";
export { default as billXml } from "../../../fixtures/factus-v1/facturas__descargar-xml.1.json";
export { default as billDeleted } from "../../../fixtures/factus-v1/facturas__eliminar.1.json";
export { default as billEmailed } from "../../../fixtures/factus-v1/facturas__enviar-correo.1.json";
export { default as billEvents } from "../../../fixtures/factus-v1/facturas__eventos-de-facturas.1.json";
export { default as billEmailContent } from "../../../fixtures/factus-v1/facturas__obtener-contenido-de-correo.1.json";
export { default as billShow } from "../../../fixtures/factus-v1/facturas__ver.1.json";
export { default as billList } from "../../../fixtures/factus-v1/facturas__ver-y-filtrar.1.json";
export { default as acquirer } from "../../../fixtures/factus-v1/informacion-adquirientes__obtener-datos-adquiriente.1.json";
export { default as municipalities } from "../../../fixtures/factus-v1/municipios__obtener-municipios.1.json";
export { default as creditNoteRequest } from "../../../fixtures/factus-v1/notas-credito__crear-y-validar.1.json";
export { default as creditNoteCreated } from "../../../fixtures/factus-v1/notas-credito__crear-y-validar.2.json";
export { default as creditNotePdf } from "../../../fixtures/factus-v1/notas-credito__descargar-pdf.1.json";
export { default as creditNoteXml } from "../../../fixtures/factus-v1/notas-credito__descargar-xml.1.json";
export { default as creditNoteList } from "../../../fixtures/factus-v1/notas-credito__ver-filtrar.1.json";
export { default as countries } from "../../../fixtures/factus-v1/paises__obtener-paises.1.json";
export { default as rangeCreated } from "../../../fixtures/factus-v1/rangos-de-numeracion__crear-rango.1.json";
export { default as rangeDeleted } from "../../../fixtures/factus-v1/rangos-de-numeracion__eliminar-rango.1.json";
export { default as rangeList } from "../../../fixtures/factus-v1/rangos-de-numeracion__obtener-rangos.1.json";
export { default as dianRanges } from "../../../fixtures/factus-v1/rangos-de-numeracion__rangos-asociados-al-software.1.json";
export { default as rangeShow } from "../../../fixtures/factus-v1/rangos-de-numeracion__ver-rango.1.json";
export { default as tributes } from "../../../fixtures/factus-v1/tributos__tributos-de-productos.1.json";
export { default as units } from "../../../fixtures/factus-v1/unidades-de-medida__obtener-unidades.1.json";
