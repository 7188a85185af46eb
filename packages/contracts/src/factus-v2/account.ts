import * as z from "zod";
import { codesOf, factusV2Envelope, V2CodeName, V2WireText, v2Text } from "./primitives";
import {
  FactusV2CustomerTributeCode,
  FactusV2FiscalResponsibility,
  FactusV2LegalOrganizationCode,
  FactusV2MunicipalityCode,
} from "./request-parts";
import { FactusV2MunicipalityRef } from "./response-parts";
import { V2_IDENTITY_DOCUMENTS } from "./tables";

// Token, acquirer, company and subscriptions: the account-level v2 routes.

/**
 * `POST /oauth/token` (same host and form-encoded grants as v1). The auth page says tokens last 1 h while its
 * example has `expires_in: 600` and the refresh example 3600: honour `expires_in`.
 */
export const FactusV2Token = z.looseObject({
  token_type: z.string(),
  expires_in: z.union([z.number(), z.string()]).transform(Number).pipe(z.number().int().positive()),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
});
export type FactusV2Token = z.infer<typeof FactusV2Token>;

/** Query of `GET /v2/dian/acquirer`: the DIAN code of the document type now, not v1's id. */
export const FactusV2AcquirerQuery = z.strictObject({
  identification_document_code: z.enum(codesOf(V2_IDENTITY_DOCUMENTS)),
  identification_number: z.string().regex(/^[0-9A-Za-z-]{1,20}$/),
});
/** `GET /v2/dian/acquirer`: name and e-mail the DIAN has for an identification. */
export const FactusV2AcquirerResponse = factusV2Envelope(
  z.looseObject({ name: z.string(), email: z.string().nullable() }),
);

/**
 * `data` of `GET /v2/companies`. The page tables no answer; factus-js keeps v1's fields, with codes as
 * `{ code, name }` and `responsibilities` as a list of them.
 */
export const FactusV2Company = z.looseObject({
  url_logo: z.string().nullable().optional(),
  nit: V2WireText,
  dv: V2WireText.nullable(),
  company: z.string().nullable().optional(),
  trade_name: z.string().nullable().optional(),
  names: z.string().nullable().optional(),
  surnames: z.string().nullable().optional(),
  graphic_representation_name: z.string().nullable().optional(),
  registration_code: z.string().nullable().optional(),
  economic_activity: V2WireText.nullable().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  tribute: V2CodeName.nullable().optional(),
  legal_organization: V2CodeName.nullable().optional(),
  municipality: FactusV2MunicipalityRef.nullable().optional(),
  responsibilities: z.array(V2CodeName).optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type FactusV2Company = z.infer<typeof FactusV2Company>;
export const FactusV2CompanyResponse = factusV2Envelope(FactusV2Company);

/**
 * `PUT /v2/companies`. The example sends `responsibilities` as one string ("R-99-PN") where customers send a
 * list; both are accepted. `company`, `trade_name` and `registration_code` may be null (the example's).
 */
export const FactusV2UpdateCompanyRequest = z.strictObject({
  legal_organization_code: FactusV2LegalOrganizationCode,
  company: v2Text(5000).nullable().optional(),
  names: v2Text(5000).nullable().optional(),
  surnames: v2Text(5000).nullable().optional(),
  trade_name: v2Text(5000).nullable().optional(),
  registration_code: v2Text(5000).nullable().optional(),
  responsibilities: z.union([FactusV2FiscalResponsibility, z.array(FactusV2FiscalResponsibility)]).optional(),
  economic_activity: v2Text(10).optional(),
  email: z.email().optional(),
  address: v2Text(5000).optional(),
  phone: v2Text(5000).optional(),
  municipality_code: FactusV2MunicipalityCode,
  tribute_code: FactusV2CustomerTributeCode.optional(),
});
export type FactusV2UpdateCompanyRequest = z.infer<typeof FactusV2UpdateCompanyRequest>;

/**
 * A row of `GET /v2/subscriptions` (factus-js' type; the route has no published example). `/current` is gone in
 * v2: take the active row. `documents_available` may be "Ilimitado".
 */
export const FactusV2Subscription = z.looseObject({
  name: z.string(),
  supported_document_types: z.array(z.string()),
  documents_quota: z.number(),
  documents_consumed: z.number(),
  documents_available: z.union([z.number(), z.string()]),
  days_until_expiration: z.number(),
  activated_at: z.string().nullable().optional(),
  expires_at: z.string(),
  has_expired: z.boolean(),
  is_active: z.boolean(),
  has_unlimited_quota: z.boolean(),
});
export type FactusV2Subscription = z.infer<typeof FactusV2Subscription>;
export const FactusV2Subscriptions = factusV2Envelope(z.array(FactusV2Subscription));
