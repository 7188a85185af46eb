import * as z from "zod";
import { FactusCodeText, factusEnvelope } from "./common";

export const FactusMunicipality = z.looseObject({
  id: z.number(),
  code: FactusCodeText,
  name: z.string(),
  department: z.union([z.string(), z.looseObject({ name: z.string() })]),
});
export const FactusMunicipalities = factusEnvelope(z.array(FactusMunicipality));

export const FactusCountry = z.looseObject({ id: z.number(), code: z.string(), name: z.string() });
export const FactusCountries = factusEnvelope(z.array(FactusCountry));

export const FactusTribute = z.looseObject({
  id: z.number(),
  code: FactusCodeText,
  name: z.string(),
  description: z.string().nullable().optional(),
});
export const FactusTributes = factusEnvelope(z.array(FactusTribute));

export const FactusMeasurementUnit = z.looseObject({
  id: z.number(),
  code: FactusCodeText,
  name: z.string(),
});
export const FactusMeasurementUnits = factusEnvelope(z.array(FactusMeasurementUnit));

export const FactusAcquirer = z.looseObject({ name: z.string(), email: z.string().nullable() });
export const FactusAcquirerResponse = factusEnvelope(FactusAcquirer);

export const FactusCompanyProfile = z.looseObject({
  nit: FactusCodeText,
  dv: FactusCodeText.nullable(),
  graphic_representation_name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});
export const FactusCompanyResponse = factusEnvelope(FactusCompanyProfile);
