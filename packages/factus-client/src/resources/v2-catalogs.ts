import { PRODUCT_TRIBUTES } from "@factus-edge/contracts/catalogs/dian";
import { V2_COUNTRY_ROWS, V2_TAXES } from "@factus-edge/contracts/factus-v2/reference-tables.data";
import { listV2Municipalities, listV2UnitMeasures } from "@factus-edge/contracts/factus-v2/tables";

// Factus v2 publishes its catalogs as tables instead of routes. For a v2 account the client answers the catalog
// calls from them, in v1's row shape: `id` is the v1 id of the same entry (municipalities, units and countries are
// listed in v1 id order: checked row by row for municipalities, on known pairs for the others; see
// fixtures/factus-v2/README.md), so one caller serves both versions.

const normalize = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Rows whose name contains `name`, accents and case ignored, as Factus filters its catalog routes. */
const byName = <T extends { name: string }>(rows: readonly T[], name: string | undefined): T[] =>
  name ? rows.filter((row) => normalize(row.name).includes(normalize(name))) : [...rows];

/** Built on first use: a client that never lists a v2 catalog pays nothing. */
const lazy = <T>(build: () => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

const municipalities = lazy(() =>
  listV2Municipalities().map((row) => ({
    id: row.v1_id,
    code: row.code,
    name: row.name,
    department: row.department.name,
  })),
);
const units = lazy(() => listV2UnitMeasures().map((row, index) => ({ id: index + 1, ...row })));
const countries = lazy(() => V2_COUNTRY_ROWS.map(([code, name], index) => ({ id: index + 1, code, name })));
// v1's product tributes that v2 still taxes by the same DIAN code (IVA 01, INC 04).
const tributes = lazy(() => PRODUCT_TRIBUTES.filter((row) => V2_TAXES.some((tax) => tax.code === row.code)));

/** The catalogs of a v2 account, by the v1 call that lists them. */
export const V2_CATALOGS = {
  municipalities: (name?: string) => byName(municipalities(), name),
  countries: (name?: string) => byName(countries(), name),
  tributes: (name?: string) => byName(tributes(), name),
  measurementUnits: (name?: string) => byName(units(), name),
};
export type V2Catalog = keyof typeof V2_CATALOGS;
