// @factus-edge/contracts: schemas, types, catalogs and pure domain functions shared by the gateway, the
// Factus client and any frontend. No Hono, Workers or Node imports: it runs wherever zod runs.

export * from "./catalogs/dian";
export {
  listMunicipalities,
  MUNICIPALITY_COUNT,
  type Municipality,
  municipalityById,
} from "./catalogs/municipalities";
export {
  type MunicipalityResolution,
  municipalityIdForDaneCode,
  resolveMunicipality,
  resolveMunicipalityId,
} from "./catalogs/municipality-ids";
export { decimalPlaces, divideRoundHalfUp, formatCents, toScaled, toScaledRounded } from "./decimal";
export { CREATE_INVOICE_EXAMPLE } from "./examples";
// Factus' wire schemas, also published alone as `@factus-edge/contracts/factus`.
export * from "./factus/index";
export {
  asInvoiceItem,
  supportTotals,
  toFactusV1AdjustmentNote,
  toFactusV1SupportDocument,
  toFactusV2AdjustmentNote,
  toFactusV2SupportDocument,
} from "./mapping/support-documents";
export { toFactusV1Prices } from "./mapping/to-factus-v1";
export {
  type FactusV2Mapping,
  toFactusV2Bill,
  toFactusV2CreditNote,
  toFactusV2DebitNote,
} from "./mapping/to-factus-v2";
export { nitCheckDigit } from "./nit";
export { REFERENCE_TABLES } from "./reference-tables";
export * from "./schemas/auth";
export * from "./schemas/batches";
export * from "./schemas/company";
export * from "./schemas/connections";
export * from "./schemas/credit-notes";
export * from "./schemas/debit-notes";
export * from "./schemas/dian-status";
export { Rounding } from "./schemas/document-parts";
export * from "./schemas/envelope";
export * from "./schemas/errors";
export {
  AllowanceCharge,
  BillingPeriod,
  CustomerTributeId,
  Establishment,
  FactusBillRequestCustomer,
  InvoiceCustomer,
  type InvoiceFields,
  InvoiceItem,
  MunicipalityId,
  PricesIncludeTax,
  REFERENCE_CODE_PATTERN,
  ReferenceCode,
  StandardCodeId,
  WithholdingTax,
} from "./schemas/invoice-fields";
export * from "./schemas/invoice-request";
export * from "./schemas/invoice-responses";
export {
  colombiaToday,
  type DianRuleViolation,
  dianRuleViolations,
  factusRequestIssues,
  type PreflightIssue,
} from "./schemas/invoice-rules";
export * from "./schemas/lookups";
export * from "./schemas/numbering-ranges";
export * from "./schemas/path-params";
export * from "./schemas/support-documents";
export * from "./schemas/webhooks";
export {
  type BillTotals,
  computeInvoiceTotals,
  type FactusVersion,
  type InvoiceRounding,
  type InvoiceTotals,
  type ItemTotals,
  type TotalsInput,
  type TotalsOptions,
  type UpstreamPricing,
  upstreamPricing,
} from "./totals";
