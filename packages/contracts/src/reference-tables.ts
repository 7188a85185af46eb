import {
  ALLOWANCE_CONCEPTS,
  BILL_DOCUMENT_TYPES,
  CREDIT_NOTE_CORRECTION_CONCEPTS,
  CUSTOMER_TRIBUTES,
  IDENTITY_DOCUMENTS,
  LEGAL_ORGANIZATIONS,
  MEASUREMENT_UNITS,
  OPERATION_TYPES,
  PAYMENT_FORMS,
  PAYMENT_METHODS,
  PRODUCT_TRIBUTES,
  RADIAN_EVENTS,
  RANGE_DOCUMENT_TYPES,
  STANDARD_CODES,
} from "./catalogs/dian";

/** Every static catalog a form needs, keyed by the request field it fills. */
export const REFERENCE_TABLES = {
  identification_document_id: IDENTITY_DOCUMENTS,
  legal_organization_id: LEGAL_ORGANIZATIONS,
  customer_tribute_id: CUSTOMER_TRIBUTES,
  item_tribute_id: PRODUCT_TRIBUTES,
  payment_method_code: PAYMENT_METHODS,
  payment_form: PAYMENT_FORMS,
  standard_code_id: STANDARD_CODES,
  operation_type: OPERATION_TYPES,
  document: BILL_DOCUMENT_TYPES,
  numbering_range_document: RANGE_DOCUMENT_TYPES,
  correction_concept_code: CREDIT_NOTE_CORRECTION_CONCEPTS,
  radian_event: RADIAN_EVENTS,
  allowance_concept_type: ALLOWANCE_CONCEPTS,
  unit_measure_id: MEASUREMENT_UNITS,
} as const;
