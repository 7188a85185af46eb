import {
  IDENTITY_DOCUMENTS,
  listMunicipalities,
  MEASUREMENT_UNITS,
  PRODUCT_TRIBUTES,
} from "@factus-edge/contracts";
import { Hono } from "hono";
import { COUNTRIES } from "../catalogs/countries";
import { ok, validationError } from "../http";
import type { Company } from "../services/company";
import { companyProfile } from "../views/company-view";

const normalize = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Entries whose name contains `?name=` (accents and case ignored), as Factus filters catalogs. */
const byName = <T extends { name: string }>(entries: readonly T[], name: string | undefined) =>
  name ? entries.filter((entry) => normalize(entry.name).includes(normalize(name))) : [...entries];

/** What the DIAN acquirer lookup finds: deterministic made-up data, so tests can rely on it. */
export const acquirer = (documentName: string, identification: string) => ({
  name: `Nombre ${documentName} ${identification}`,
  email: `adquiriente-${identification}@correo.local`,
});

export function catalogRoutes(company: Company) {
  const app = new Hono();
  const municipalities = listMunicipalities().map(({ id, dane_code, name, department }) => ({
    id,
    code: dane_code,
    name,
    department,
  }));

  app.get("/municipalities", (c) => ok(c, byName(municipalities, c.req.query("name"))));
  app.get("/countries", (c) => ok(c, byName(COUNTRIES, c.req.query("name"))));
  app.get("/tributes/products", (c) => ok(c, byName(PRODUCT_TRIBUTES, c.req.query("name"))));
  app.get("/measurement-units", (c) => ok(c, byName(MEASUREMENT_UNITS, c.req.query("name"))));

  // The DIAN acquirer lookup: deterministic made-up data, so tests can rely on it.
  app.get("/dian/acquirer", (c) => {
    const documentId = Number(c.req.query("identification_document_id"));
    const identification = c.req.query("identification_number") ?? "";
    const document = IDENTITY_DOCUMENTS.find((entry) => entry.id === documentId);
    if (!document || !/^\d{3,15}$/.test(identification)) {
      return validationError(c, {
        ...(document ? {} : { identification_document_id: ["Tipo de documento inválido"] }),
        ...(/^\d{3,15}$/.test(identification)
          ? {}
          : { identification_number: ["Número de identificación inválido"] }),
      });
    }
    return ok(c, acquirer(document.name, identification));
  });

  app.get("/company", (c) => ok(c, companyProfile(company)));

  return app;
}
