import {
  IDENTITY_DOCUMENTS,
  listMunicipalities,
  MEASUREMENT_UNITS,
  PRODUCT_TRIBUTES,
} from "@factus-edge/contracts";
import { Hono } from "hono";
import { COUNTRIES } from "../catalogs/countries";
import { ok, validationError } from "../http";
import { ISSUER, ISSUER_LOGO_URL } from "../store/schema";

const normalize = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Entries whose name contains `?name=` (accents and case ignored), as Factus filters catalogs. */
const byName = <T extends { name: string }>(entries: readonly T[], name: string | undefined) =>
  name ? entries.filter((entry) => normalize(entry.name).includes(normalize(name))) : [...entries];

export function catalogRoutes() {
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
    return ok(c, {
      name: `Nombre ${document.name} ${identification}`,
      email: `adquiriente-${identification}@correo.local`,
    });
  });

  app.get("/company", (c) =>
    ok(c, {
      url_logo: ISSUER_LOGO_URL,
      nit: ISSUER.nit,
      dv: ISSUER.dv,
      company: ISSUER.company,
      trade_name: "",
      names: "",
      surnames: "",
      graphic_representation_name: ISSUER.graphic_representation_name,
      registration_code: ISSUER.registration_code,
      economic_activity: Number(ISSUER.economic_activity),
      phone: ISSUER.phone,
      email: ISSUER.email,
      address: ISSUER.direction,
      tribute: { code: "01", name: "IVA" },
      legal_organization: { code: "1", name: "Persona Jurídica" },
      municipality: { code: "68679", name: "San Gil", department: { code: "68", name: "Santander" } },
      responsibilities: [{ code: "O-13", name: "Gran contribuyente" }],
      created_at: "2024-01-01T00:00:00Z",
      updated_at: "2024-01-01T00:00:00Z",
    }),
  );

  return app;
}
