import { DANE_CODES_BY_ID, DEPARTMENTS, MUNICIPALITY_ROWS } from "./municipalities.data";

/** A Colombian municipality as Factus v1 knows it. */
export interface Municipality {
  /** Factus v1 id (1–1122): what Factus endpoints take as `municipality_id`. */
  id: number;
  /** Five-digit DANE (DIVIPOLA) code, e.g. "11001" for Bogotá. */
  dane_code: string;
  name: string;
  department: string;
}

export const MUNICIPALITY_COUNT = MUNICIPALITY_ROWS.length;

/** The municipality with this Factus id, or undefined. */
export function municipalityById(id: number): Municipality | undefined {
  const row = Number.isInteger(id) ? MUNICIPALITY_ROWS[id - 1] : undefined;
  if (!row) return undefined;
  return {
    id,
    dane_code: DANE_CODES_BY_ID.slice((id - 1) * 5, id * 5),
    name: row[0],
    department: DEPARTMENTS[row[1]] ?? "",
  };
}

/** Every municipality, in Factus id order (built on demand: frontends that never list them pay nothing). */
export function listMunicipalities(): Municipality[] {
  return MUNICIPALITY_ROWS.map((_, index) => municipalityById(index + 1) as Municipality);
}
