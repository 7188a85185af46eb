import { catalogLookup } from "./catalog";

export const units = catalogLookup("units", "lookupUnits", "Unidades de medida", "measurementUnits");
