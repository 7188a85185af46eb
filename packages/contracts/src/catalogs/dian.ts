// DIAN / Factus v1 catalogs. Ids are Factus' own (what its API takes); `code` is the DIAN code where they differ.

/** Identity document types (`identification_document_id`). */
export const IDENTITY_DOCUMENTS = [
  { id: 1, code: "11", name: "Registro civil" },
  { id: 2, code: "12", name: "Tarjeta de identidad" },
  { id: 3, code: "13", name: "Cédula de ciudadanía" },
  { id: 4, code: "21", name: "Tarjeta de extranjería" },
  { id: 5, code: "22", name: "Cédula de extranjería" },
  { id: 6, code: "31", name: "NIT" },
  { id: 7, code: "41", name: "Pasaporte" },
  { id: 8, code: "42", name: "Documento de identificación extranjero" },
  { id: 9, code: "47", name: "PEP" },
  { id: 10, code: "50", name: "NIT de otro país" },
  { id: 11, code: "91", name: "NUIP" },
] as const;

/** Factus id of the NIT document type: the only one with a check digit (`dv`). */
export const NIT_DOCUMENT_ID = 6;

/** `legal_organization_id`. */
export const LEGAL_ORGANIZATIONS = [
  { id: 1, code: "1", name: "Persona Jurídica" },
  { id: 2, code: "2", name: "Persona Natural" },
] as const;

/** Customer tributes (`customer.tribute_id`). */
export const CUSTOMER_TRIBUTES = [
  { id: 18, code: "01", name: "IVA" },
  { id: 21, code: "ZZ", name: "No aplica" },
] as const;

/** Product tributes (`items[].tribute_id`), as Factus lists them at /v1/tributes/products. */
export const PRODUCT_TRIBUTES = [
  { id: 1, code: "01", name: "IVA", description: "Impuesto sobre la Ventas" },
  { id: 2, code: "02", name: "IC", description: "Impuesto al Consumo Departamental Nominal" },
  { id: 3, code: "03", name: "ICA", description: "Impuesto de Industria, Comercio y Aviso" },
  { id: 4, code: "04", name: "INC", description: "Impuesto Nacional al Consumo" },
  { id: 5, code: "05", name: "ReteIVA", description: "Retención sobre el IVA" },
  { id: 6, code: "06", name: "ReteRenta", description: "Retención sobre renta" },
  { id: 7, code: "07", name: "ReteICA", description: "Retención sobre el ICA" },
  { id: 8, code: "08", name: "IC Porcentual", description: "Impuesto al Consumo Departamental Porcentual" },
  { id: 9, code: "20", name: "FtoHorticultura", description: "Cuota de Fomento Hortifrutícula" },
  { id: 10, code: "21", name: "Timbre", description: "Impuesto de Timbre" },
  { id: 11, code: "22", name: "INC Bolsas", description: "Impuesto Nacional al Consumo de Bolsa Plástica" },
  { id: 12, code: "23", name: "INCarbono", description: "Impuesto Nacional del Carbono" },
  { id: 13, code: "24", name: "INCarbono", description: "Impuesto Nacional del Carbono" },
  { id: 14, code: "24", name: "INCombustibles", description: "Impuesto Nacional a los Combustibles" },
  { id: 15, code: "25", name: "Sobretasa Combustibles", description: "Sobretasa a los combustibles" },
  { id: 16, code: "26", name: "Sordicom", description: "Contribución minoristas (Combustibles)" },
  { id: 17, code: "30", name: "IC Datos", description: "Impuesto al Consumo de Datos" },
] as const;

/** `payment_method_code`. */
export const PAYMENT_METHODS = [
  { code: "10", name: "Efectivo" },
  { code: "42", name: "Consignación" },
  { code: "20", name: "Cheque" },
  { code: "47", name: "Transferencia" },
  { code: "71", name: "Bonos" },
  { code: "72", name: "Vales" },
  { code: "1", name: "Medio de pago no definido" },
  { code: "49", name: "Tarjeta débito" },
  { code: "48", name: "Tarjeta crédito" },
  { code: "ZZZ", name: "Otro" },
] as const;

/** `payment_form`. */
export const PAYMENT_FORMS = [
  { code: "1", name: "Pago de contado" },
  { code: "2", name: "Pago a crédito" },
] as const;

/** Product identification standards (`items[].standard_code_id`). */
export const STANDARD_CODES = [
  { id: 1, code: "999", name: "Estándar de adopción del contribuyente" },
  { id: 2, code: "001", name: "UNSPSC" },
  { id: 3, code: "020", name: "Partida Arancelaria" },
  { id: 4, code: "010", name: "GTIN" },
] as const;

/** `operation_type`. */
export const OPERATION_TYPES = [
  { code: "10", name: "Estándar" },
  { code: "11", name: "Mandatos" },
  { code: "12", name: "Transporte" },
] as const;

/** Bill `document` types this API issues. */
export const BILL_DOCUMENT_TYPES = [
  { code: "01", name: "Factura electrónica de Venta" },
  { code: "03", name: "Instrumento electrónico de transmisión - tipo 03" },
] as const;

/** Numbering range `document` codes. */
export const RANGE_DOCUMENT_TYPES = [
  { code: "21", name: "Factura de Venta" },
  { code: "22", name: "Nota Crédito" },
  { code: "23", name: "Nota Débito" },
  { code: "24", name: "Documento Soporte" },
  { code: "25", name: "Nota de Ajuste Documento Soporte" },
  { code: "26", name: "Nómina" },
  { code: "27", name: "Nota de Ajuste Nómina" },
  { code: "28", name: "Nota de eliminación de nómina" },
  { code: "30", name: "Factura de talonario o de papel" },
] as const;

/** Credit note `correction_concept_code`. */
export const CREDIT_NOTE_CORRECTION_CONCEPTS = [
  { code: "1", name: "Devolución parcial de los bienes y/o no aceptación parcial del servicio" },
  { code: "2", name: "Anulación de factura electrónica" },
  { code: "3", name: "Rebaja o descuento parcial o total" },
  { code: "4", name: "Ajuste de precio" },
  { code: "5", name: "Descuento comercial por pronto pago" },
  { code: "6", name: "Descuento comercial por volumen de ventas" },
] as const;

/** Debit note `correction_concept_code` (Factus v2 only: v1 has no debit notes). */
export const DEBIT_NOTE_CORRECTION_CONCEPTS = [
  { code: "1", name: "Intereses" },
  { code: "2", name: "Gastos por cobrar" },
  { code: "3", name: "Cambio del valor" },
  { code: "4", name: "Otros" },
] as const;

/** RADIAN events on a bill. */
export const RADIAN_EVENTS = [
  { code: "030", name: "Acuse de recibo de Factura Electrónica de Venta" },
  { code: "031", name: "Reclamo de la Factura Electrónica de Venta" },
  { code: "032", name: "Recibo del bien y/o prestación del servicio" },
  { code: "033", name: "Aceptación expresa" },
  { code: "034", name: "Aceptación tácita" },
] as const;

/**
 * Allowance/charge concept types (`allowance_charges[].concept_type`), with Factus' names. Factus v1 enables only
 * 03, a surcharge; it lists the other three as "disponible próximamente".
 */
export const ALLOWANCE_CONCEPTS = [
  { code: "00", name: "Descuento no condicionado", is_surcharge: false, available: false },
  { code: "01", name: "Descuento condicionado", is_surcharge: false, available: false },
  { code: "02", name: "Recargo no condicionado", is_surcharge: true, available: false },
  { code: "03", name: "Recargo condicionado", is_surcharge: true, available: true },
] as const;

/** Identity documents whose number is digits only (passports, foreign ids and foreign NITs may carry letters). */
export const NUMERIC_IDENTITY_DOCUMENT_IDS: readonly number[] = [1, 2, 3, 4, 5, 6, 11];
/** Documents that identify a legal person: NIT, or the NIT of another country. */
export const LEGAL_PERSON_DOCUMENT_IDS: readonly number[] = [6, 10];
/** Tax rates DIAN accepts per product tribute id: IVA (1) 0/5/19 %, INC (4) 2/4/8/16 %. */
export const TAX_RATES_BY_TRIBUTE: Readonly<Record<number, readonly number[]>> = {
  1: [0, 5, 19],
  4: [2, 4, 8, 16],
};
/** Product tribute ids that are withholdings: they go in `withholding_taxes`, never as an item's tax. */
export const WITHHOLDING_TRIBUTE_IDS: readonly number[] = [5, 6, 7];

/** Common units of measure (`items[].unit_measure_id`); Factus has many more at /v1/measurement-units. */
export const MEASUREMENT_UNITS = [
  { id: 70, code: "94", name: "unidad" },
  { id: 414, code: "KGM", name: "kilogramo" },
  { id: 449, code: "LBR", name: "libra" },
  { id: 512, code: "MTR", name: "metro" },
  { id: 874, code: "GLL", name: "galón" },
] as const;

type Coded = { readonly code: string };
/** The codes of a catalog, as a non-empty tuple for `z.enum`. */
export const codesOf = <T extends readonly Coded[]>(catalog: T) =>
  catalog.map((entry) => entry.code) as unknown as [T[number]["code"], ...T[number]["code"][]];

/** Name of the entry with this code, or undefined. */
export const nameOfCode = (catalog: readonly (Coded & { name: string })[], code: string) =>
  catalog.find((entry) => entry.code === code)?.name;
