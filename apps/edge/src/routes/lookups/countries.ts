import { catalogLookup } from "./catalog";

export const countries = catalogLookup("countries", "lookupCountries", "Países", "countries");
