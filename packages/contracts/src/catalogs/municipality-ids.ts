import { DANE_CODES_BY_ID } from "./municipalities.data";

// Kept apart from the names so that validating an invoice pulls in 5.6 KB of codes, not the whole catalog.
const MUNICIPALITY_TOTAL = DANE_CODES_BY_ID.length / 5;
let idsByDane: Map<string, number> | undefined;

/** The Factus municipality id for a five-digit DANE code ("05001" or 5001), or undefined. */
export function municipalityIdForDaneCode(code: string | number): number | undefined {
  const dane = String(code).padStart(5, "0");
  if (!/^\d{5}$/.test(dane)) return undefined;
  if (!idsByDane) {
    idsByDane = new Map();
    for (let id = 1; id <= MUNICIPALITY_TOTAL; id++)
      idsByDane.set(DANE_CODES_BY_ID.slice((id - 1) * 5, id * 5), id);
  }
  return idsByDane.get(dane);
}

export type MunicipalityResolution = { ok: true; id: number } | { ok: false; message: string };

/**
 * Resolves what a caller sent as `municipality_id` to a Factus id. Factus ids are 1–1122 and DANE codes are
 * 5001 and up, so the two ranges never overlap and the meaning of a number is never ambiguous.
 */
export function resolveMunicipality(value: string | number): MunicipalityResolution {
  const text = String(value).trim();
  if (!/^\d{1,5}$/.test(text)) {
    return {
      ok: false,
      message: "Debe ser un id de municipio de Factus (1–1122) o un código DANE de 5 dígitos",
    };
  }
  const number = Number(text);
  if (number >= 1 && number <= MUNICIPALITY_TOTAL && text.length < 5) return { ok: true, id: number };
  const id = municipalityIdForDaneCode(text);
  if (id !== undefined) return { ok: true, id };
  return {
    ok: false,
    message: `Municipio desconocido: ${text} no es un id de Factus (1–${MUNICIPALITY_TOTAL}) ni un código DANE vigente`,
  };
}

/**
 * Factus id for a Factus id or a DANE code.
 * @throws RangeError naming the value when it is neither.
 */
export function resolveMunicipalityId(value: string | number): number {
  const result = resolveMunicipality(value);
  if (!result.ok) throw new RangeError(result.message);
  return result.id;
}
