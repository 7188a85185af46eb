import { describe, expect, it } from "vitest";
import { MUNICIPALITY_COUNT, municipalityById } from "../../src";
import {
  isV2CountryCode,
  isV2CurrencyCode,
  isV2UnitMeasureCode,
  listV2Municipalities,
  listV2UnitMeasures,
  V2_ADJUSTMENT_NOTE_CORRECTIONS,
  V2_ALLOWANCE_CONCEPTS,
  V2_BILL_DOCUMENT_TYPES,
  V2_CLAIM_CONCEPTS,
  V2_COUNTRY_ROWS,
  V2_CREDIT_NOTE_CORRECTIONS,
  V2_CREDIT_NOTE_OPERATION_TYPES,
  V2_CURRENCY_ROWS,
  V2_CUSTOMER_TRIBUTES,
  V2_DEBIT_NOTE_CORRECTIONS,
  V2_DEBIT_NOTE_OPERATION_TYPES,
  V2_FISCAL_RESPONSIBILITIES,
  V2_IDENTITY_DOCUMENTS,
  V2_LEGAL_ORGANIZATIONS,
  V2_OPERATION_TYPES,
  V2_PAYMENT_FORMS,
  V2_PAYMENT_METHODS,
  V2_RADIAN_EVENTS,
  V2_RANGE_DOCUMENT_TYPES,
  V2_STANDARD_CODES,
  V2_SUPPORT_DOCUMENT_IDENTITY_DOCUMENTS,
  V2_TAXES,
  V2_WITHHOLDING_TAXES,
  v2MunicipalityByCode,
  v2MunicipalityByV1Id,
  v2UnitMeasureByV1Id,
} from "../../src/factus-v2";
import { v2Example, v2ReferenceTable } from "./fixtures";

// The generated tables (scripts/generate-factus-v2-tables.mjs) against the published ones they come from.

const clean = (name: string) => name.replace(/\s*\*$/, "").trim();

const SMALL_TABLES: [string, readonly { code: string; name: string }[]][] = [
  ["identity-document-codes", V2_IDENTITY_DOCUMENTS],
  ["support-document-identity-document-codes", V2_SUPPORT_DOCUMENT_IDENTITY_DOCUMENTS],
  ["legal-organization-codes", V2_LEGAL_ORGANIZATIONS],
  ["customer-tribute-codes", V2_CUSTOMER_TRIBUTES],
  ["tax-codes", V2_TAXES],
  ["withholding-tax-codes", V2_WITHHOLDING_TAXES],
  ["payment-method-codes", V2_PAYMENT_METHODS],
  ["payment-form-codes", V2_PAYMENT_FORMS],
  ["product-standard-codes", V2_STANDARD_CODES],
  ["bill-document-types", V2_BILL_DOCUMENT_TYPES],
  ["operation-types", V2_OPERATION_TYPES],
  ["credit-note-correction-codes", V2_CREDIT_NOTE_CORRECTIONS],
  ["credit-note-operation-types", V2_CREDIT_NOTE_OPERATION_TYPES],
  ["debit-note-correction-codes", V2_DEBIT_NOTE_CORRECTIONS],
  ["debit-note-operation-types", V2_DEBIT_NOTE_OPERATION_TYPES],
  ["adjustment-note-correction-codes", V2_ADJUSTMENT_NOTE_CORRECTIONS],
  ["numbering-range-document-codes", V2_RANGE_DOCUMENT_TYPES],
  ["allowance-charge-codes", V2_ALLOWANCE_CONCEPTS],
  ["fiscal-responsibility-codes", V2_FISCAL_RESPONSIBILITIES],
  ["radian-event-codes", V2_RADIAN_EVENTS],
  ["claim-concept-codes", V2_CLAIM_CONCEPTS],
];

describe("Factus v2 reference tables", () => {
  it.each(SMALL_TABLES)("reference-tables/%s.json", (file, table) => {
    const published = v2ReferenceTable(file).map((row) => ({
      code: row.code,
      name: clean(row.name ?? row.description ?? ""),
    }));
    expect(table).toEqual(published);
  });

  it("municipalities: the published table, row for row, and the v1 catalog's DANE codes in the same order", () => {
    const published = v2Example("tablas-de-referencia__municipios.1").municipalities;
    const ours = listV2Municipalities();
    expect(ours.map(({ v1_id: _id, ...row }) => row)).toEqual(published);
    expect(ours.length).toBe(MUNICIPALITY_COUNT);
    for (const municipality of ours)
      expect(municipalityById(municipality.v1_id)?.dane_code, municipality.name).toBe(municipality.code);
  });

  it("municipalities: lookups by DANE code and by v1 id", () => {
    expect(v2MunicipalityByCode("68679")).toEqual({
      code: "68679",
      name: "San Gil",
      department: { code: "68", name: "Santander" },
      v1_id: v2MunicipalityByCode("68679")?.v1_id,
    });
    expect(v2MunicipalityByCode("11001")?.name).toBe("Bogotá, D.c.");
    expect(v2MunicipalityByV1Id(1)?.code).toBe("91263");
    expect(v2MunicipalityByV1Id(0)).toBeUndefined();
    expect(v2MunicipalityByCode("1")).toBeUndefined();
  });

  it("unit measures: the published table, and the five known v1 ids at row = id", () => {
    expect(listV2UnitMeasures()).toEqual(v2Example("tablas-de-referencia__unit-measures.1").unitMeasures);
    const known: [number, string][] = [
      [70, "94"],
      [414, "KGM"],
      [449, "LBR"],
      [512, "MTR"],
      [874, "GLL"],
    ];
    for (const [id, code] of known) expect(v2UnitMeasureByV1Id(id)?.code).toBe(code);
    expect(isV2UnitMeasureCode("94")).toBe(true);
    expect(isV2UnitMeasureCode("1")).toBe(false);
  });

  it("countries and currencies", () => {
    expect(V2_COUNTRY_ROWS.map(([code, name]) => ({ code, name }))).toEqual(
      v2Example("tablas-de-referencia__countries.1").countries,
    );
    expect(V2_CURRENCY_ROWS.map(([code, name]) => ({ code, name }))).toEqual(
      v2Example("tablas-de-referencia__currency.1"),
    );
    expect(isV2CountryCode("CO")).toBe(true);
    expect(isV2CurrencyCode("USD")).toBe(true);
    expect(isV2CurrencyCode("XYZ")).toBe(false);
  });
});
