// Factus v2 wire format (`@factus-edge/contracts/factus-v2`): the requests the gateway sends to and the emulator
// receives from a v2 account, the answers read back, and the DIAN code tables v2 takes instead of v1's ids.
// Sources: Factus' v2 docs (developers.factus.com.co, mirrored in sbetav/factus-js), their published examples in
// fixtures/factus-v2/ (each one parses: test/factus-v2/), and the research note behind SPEC §7. Where the docs are
// silent, the choice is written next to the field.

export * from "./account";
export * from "./bills";
export * from "./errors";
export * from "./notes";
export * from "./numbering-ranges";
export {
  codesOf,
  FactusV2Message,
  FactusV2Pagination,
  factusV2Envelope,
  factusV2Page,
  V2Amount,
  V2CashRounding,
  V2CodeName,
  V2Quantity,
  V2Rate,
} from "./primitives";
// request-parts' building helpers (documentHead, itemShape, itemTax, oneDiscount) stay inside the folder.
export {
  FactusV2AdditionalProperty,
  FactusV2AllowanceCharge,
  FactusV2Beneficiary,
  FactusV2BillingPeriod,
  FactusV2CountryCode,
  FactusV2Currency,
  FactusV2CurrencyCode,
  FactusV2Customer,
  FactusV2CustomerTributeCode,
  FactusV2Establishment,
  FactusV2FiscalResponsibility,
  FactusV2Health,
  FactusV2IdentityDocumentCode,
  FactusV2Item,
  type FactusV2ItemInput,
  FactusV2ItemTax,
  FactusV2LegalOrganizationCode,
  FactusV2Mandate,
  FactusV2MunicipalityCode,
  FactusV2OrderReference,
  FactusV2PaymentDetail,
  FactusV2PaymentDetails,
  FactusV2PrepaymentDetail,
  FactusV2RelatedDocument,
  FactusV2StandardCode,
  FactusV2UnitMeasureCode,
  FactusV2WithholdingTax,
} from "./request-parts";
export * from "./response-parts";
export * from "./support-documents";
export * from "./tables";
