import spanish from "i18n-iso-countries/langs/es.json";
import published from "../../../../fixtures/factus-v1/paises__obtener-paises.1.json";

/**
 * Every ISO 3166-1 country as Factus serves it: Spanish names, ids in Spanish alphabetical order (Afganistán 1,
 * Colombia 46). Codes and names come from i18n-iso-countries; where Factus' published example names a country
 * ("Åland", "Bangladés", "Baréin"…), its name wins, which is also what puts every published id in its place.
 */
function factusCountries() {
  const names = new Map<string, string>(
    Object.entries(spanish.countries).map(([code, name]) => [code, Array.isArray(name) ? name[0]! : name]),
  );
  for (const country of published.data) names.set(country.code, country.name);
  const collator = new Intl.Collator("es");
  return [...names]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((country, index) => ({ id: index + 1, ...country }));
}

export const COUNTRIES = factusCountries();
