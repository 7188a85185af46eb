import { createRouter } from "../../platform/router";
import { acquirer, acquirerRoute } from "./acquirer";
import { countries } from "./countries";
import { municipalities } from "./municipalities";
import { referenceTables, referenceTablesRoute } from "./reference-tables";
import { taxes } from "./taxes";
import { units } from "./units";

export const lookupsRouter = createRouter()
  .openapi(referenceTablesRoute, referenceTables)
  .openapi(acquirerRoute, acquirer)
  .openapi(municipalities.route, municipalities.handler)
  .openapi(taxes.route, taxes.handler)
  .openapi(units.route, units.handler)
  .openapi(countries.route, countries.handler);
