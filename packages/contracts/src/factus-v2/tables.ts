// The DIAN code tables Factus v2 takes instead of v1's ids, with lookups. The data files are generated from the
// tables v2 publishes (scripts/generate-factus-v2-tables.mjs); v2 has no catalog endpoints any more.

import { V2_DANE_CODES, V2_DEPARTMENT_NAMES, V2_MUNICIPALITY_NAMES } from "./municipalities.data";
import { V2_COUNTRY_ROWS, V2_CURRENCY_ROWS } from "./reference-tables.data";
import { V2_UNIT_MEASURE_ROWS } from "./unit-measures.data";

export * from "./reference-tables.data";

/** A Colombian municipality as Factus v2 names it. */
export interface FactusV2Municipality {
  /** Five-digit DANE (DIVIPOLA) code: what v2 takes as `municipality_code`. */
  code: string;
  name: string;
  department: { code: string; name: string };
  /** The Factus v1 `municipality_id` of the same municipality (v1 lists the same codes in the same order). */
  v1_id: number;
}

export const V2_MUNICIPALITY_COUNT = V2_MUNICIPALITY_NAMES.length;

let rowByDaneCode: Map<string, number> | undefined;
const daneIndex = () => {
  if (!rowByDaneCode) {
    rowByDaneCode = new Map();
    for (let row = 0; row < V2_MUNICIPALITY_COUNT; row++)
      rowByDaneCode.set(V2_DANE_CODES.slice(row * 5, row * 5 + 5), row);
  }
  return rowByDaneCode;
};

const municipalityAt = (row: number): FactusV2Municipality | undefined => {
  const name = V2_MUNICIPALITY_NAMES[row];
  if (name === undefined) return undefined;
  const code = V2_DANE_CODES.slice(row * 5, row * 5 + 5);
  const department = code.slice(0, 2);
  return {
    code,
    name,
    department: { code: department, name: V2_DEPARTMENT_NAMES[department] ?? "" },
    v1_id: row + 1,
  };
};

/** The municipality with this DANE code ("68679" → San Gil), or undefined. */
export function v2MunicipalityByCode(code: string): FactusV2Municipality | undefined {
  const row = daneIndex().get(code);
  return row === undefined ? undefined : municipalityAt(row);
}

/** The v2 municipality of a Factus v1 `municipality_id` (row order; checked row by row against the v1 export). */
export function v2MunicipalityByV1Id(id: number): FactusV2Municipality | undefined {
  return Number.isInteger(id) && id >= 1 ? municipalityAt(id - 1) : undefined;
}

/** Every municipality, in table (= v1 id) order. */
export function listV2Municipalities(): FactusV2Municipality[] {
  return V2_MUNICIPALITY_NAMES.map((_, row) => municipalityAt(row) as FactusV2Municipality);
}

/** A unit of measure (`unit_measure_code`). */
export interface FactusV2UnitMeasure {
  code: string;
  name: string;
}

/** A set of the first column of `rows`, built on first use (a frontend that never checks a code pays nothing). */
const lazyCodeSet = (rows: readonly (readonly [string, string])[]) => {
  let codes: Set<string> | undefined;
  return (code: string) => {
    codes ??= new Set(rows.map(([first]) => first));
    return codes.has(code);
  };
};

/** Whether v2's unit table lists this code ("94" unidad, "KGM"…). */
export const isV2UnitMeasureCode = lazyCodeSet(V2_UNIT_MEASURE_ROWS);

/** Whether v2's municipality table lists this DANE code. */
export const isV2MunicipalityCode = (code: string) => daneIndex().has(code);

/**
 * The v2 unit of a Factus v1 `unit_measure_id`, by row order. Inferred: the five publicly known v1 pairs sit at
 * row = id, but Factus publishes no id → code table, so treat the other 1,088 as a good guess.
 */
export function v2UnitMeasureByV1Id(id: number): FactusV2UnitMeasure | undefined {
  const row = Number.isInteger(id) && id >= 1 ? V2_UNIT_MEASURE_ROWS[id - 1] : undefined;
  return row && { code: row[0], name: row[1] };
}

/** Every unit of measure, in table order (codes MGM, ONZ, PD and SO appear twice, as published). */
export function listV2UnitMeasures(): FactusV2UnitMeasure[] {
  return V2_UNIT_MEASURE_ROWS.map(([code, name]) => ({ code, name }));
}

/** Whether v2's country table lists this ISO 3166-1 alpha-2 code. */
export const isV2CountryCode = lazyCodeSet(V2_COUNTRY_ROWS);

/** Whether v2's currency table lists this ISO 4217 code. */
export const isV2CurrencyCode = lazyCodeSet(V2_CURRENCY_ROWS);
