import { v2MunicipalityByCode } from "@factus-edge/contracts/factus-v2";
import type { Company } from "../services/company";

/** `data` of v1's `GET /v1/company` and v2's `GET /v2/companies` (factus-js keeps v1's fields for v2). */
export function companyProfile(company: Company) {
  const municipality = v2MunicipalityByCode(company.municipality_code);
  return {
    url_logo: company.url_logo,
    nit: company.nit,
    dv: company.dv,
    company: company.company,
    trade_name: "",
    names: "",
    surnames: "",
    graphic_representation_name: company.graphic_representation_name,
    registration_code: company.registration_code,
    economic_activity: Number(company.economic_activity),
    phone: company.phone,
    email: company.email,
    address: company.direction,
    tribute: { code: "01", name: "IVA" },
    legal_organization: { code: "1", name: "Persona Jurídica" },
    municipality: {
      code: company.municipality_code,
      name: municipality?.name ?? company.municipality,
      department: municipality?.department ?? { code: company.municipality_code.slice(0, 2), name: "" },
    },
    responsibilities: [{ code: "O-13", name: "Gran contribuyente" }],
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
  };
}
