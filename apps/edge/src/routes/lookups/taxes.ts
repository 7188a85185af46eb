import { catalogLookup } from "./catalog";

export const taxes = catalogLookup("taxes", "lookupTaxes", "Tributos de productos", "tributes");
