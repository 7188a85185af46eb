// The published Factus v2 examples (fixtures/factus-v2/, README there) the emulator's v2 answers are compared with
// and its v2 routes are fed.

export { default as token } from "../../../fixtures/factus-v2/autenticacion__auth.1.json";
export { default as refreshedToken } from "../../../fixtures/factus-v2/autenticacion__refresh-token.1.json";
export { default as tacitAcceptance } from "../../../fixtures/factus-v2/facturas__aceptacion-tacita.1.json";
export { default as billEmail } from "../../../fixtures/factus-v2/facturas__enviar-correo.1.json";
export { default as billEmailWithPdf } from "../../../fixtures/factus-v2/facturas__representacion-grafica.1.json";
export { default as acquirer } from "../../../fixtures/factus-v2/informacion-adquirientes__obtener-datos-adquiriente.1.json";
export { default as adjustmentNotePdf } from "../../../fixtures/factus-v2/notas-ajuste-documentos-soporte__descargar-pdf.1.json";
export { default as adjustmentNoteXml } from "../../../fixtures/factus-v2/notas-ajuste-documentos-soporte__descargar-xml.1.json";
export { default as adjustmentNoteDeleted } from "../../../fixtures/factus-v2/notas-ajuste-documentos-soporte__eliminar.1.json";
export { default as adjustmentNote } from "../../../fixtures/factus-v2/notas-ajuste-documentos-soporte__ver.1.json";
export { default as adjustmentNoteList } from "../../../fixtures/factus-v2/notas-ajuste-documentos-soporte__ver-y-filtrar.1.json";
export { default as creditNote } from "../../../fixtures/factus-v2/notas-credito__crear-y-validar.1.json";
export { default as creditNoteEmail } from "../../../fixtures/factus-v2/notas-credito__enviar-correo.1.json";
export { default as debitNote } from "../../../fixtures/factus-v2/notas-debito__crear-y-validar.1.json";
export { default as debitNoteEmail } from "../../../fixtures/factus-v2/notas-debito__enviar-correo.1.json";
export { default as supportDocumentRange } from "../../../fixtures/factus-v2/rangos-de-numeracion__facturacion__ejemplos__crear-rango-para-documento-soporte.1.json";
export { default as billRange } from "../../../fixtures/factus-v2/rangos-de-numeracion__facturacion__ejemplos__crear-rango-para-facturacion.1.json";
export { default as creditNoteRange } from "../../../fixtures/factus-v2/rangos-de-numeracion__facturacion__ejemplos__crear-rango-para-notas-credito.1.json";
export { default as rangeDeleted } from "../../../fixtures/factus-v2/rangos-de-numeracion__facturacion__eliminar-rango.1.json";

declare global {
  interface ImportMeta {
    /** Vite's static import of every file a pattern matches (vitest transforms it at build time). */
    glob<T>(pattern: string, options: { eager: true; import: "default" }): Record<string, T>;
  }
}

/** Every published bill create (`facturas/*`), by file name. */
export const billCreates = Object.fromEntries(
  Object.entries(
    import.meta.glob<Record<string, unknown>>("../../../fixtures/factus-v2/facturas__*.json", {
      eager: true,
      import: "default",
    }),
  )
    .filter(([, example]) => "items" in example)
    .map(([path, example]) => [
      path
        .split("/")
        .pop()!
        .replace(/\.json$/, ""),
      example,
    ]),
);
