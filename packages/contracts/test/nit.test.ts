import { describe, expect, it } from "vitest";
import { nitCheckDigit } from "../src";
import { factusExample } from "./fixtures";

describe("nitCheckDigit", () => {
  it.each([
    ["900825759", 7],
    ["901724254", 1],
    ["900123456", 8],
    ["800197268", 4], // DIAN's own NIT
    ["860034313", 7],
  ])("NIT %s has check digit %i", (nit, dv) => {
    expect(nitCheckDigit(nit)).toBe(dv);
  });

  it("matches the issuer NIT and DV of the published Factus examples", () => {
    const company = factusExample("facturas__ver.1").data.company;
    expect(nitCheckDigit(company.nit)).toBe(Number(company.dv));
    const profile = factusExample("empresas__ver.1").data;
    expect(nitCheckDigit(profile.nit)).toBe(Number(profile.dv));
  });

  it("returns r itself when the remainder is 0 or 1", () => {
    // 1 × 3 = 3 → 11 − 3 = 8; "0" sums to 0 → 0.
    expect(nitCheckDigit("0")).toBe(0);
    expect(nitCheckDigit("1")).toBe(8);
  });

  it.each(["", "90012345A", "9001234567890123", "900.123.456"])("refuses %j", (nit) => {
    expect(() => nitCheckDigit(nit)).toThrow(RangeError);
  });
});
