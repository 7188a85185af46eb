import { catalogLookup } from "./catalog";

export const municipalities = catalogLookup(
  "municipalities",
  "lookupMunicipalities",
  "Municipios",
  "municipalities",
);
