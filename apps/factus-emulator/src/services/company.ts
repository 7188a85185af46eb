import type { EmulatorConfig } from "../config";

// Who an emulated account is: the Factus API version its company is enabled for, and the company it invoices as.

/** Factus enables one API version per company: its token opens both, but the other version's paths answer 403. */
export type ApiVersion = "v1" | "v2";

/** The issuer an account invoices as, in the field names of Factus v1's `company` answers. */
export interface Company {
  nit: string;
  dv: string;
  company: string;
  name: string;
  graphic_representation_name: string;
  registration_code: string;
  economic_activity: string;
  phone: string;
  email: string;
  direction: string;
  municipality: string;
  /** Its DANE code (the v1 answers carry the name only). */
  municipality_code: string;
  /** Where its logo would be served: the emulator serves none, but Factus always answers a URL. */
  url_logo: string;
}

/** The seeded v1 account's company (README: "Issuer"). */
export const DEMO_COMPANY: Company = {
  nit: "900825759",
  dv: "7",
  company: "EMPRESA DEMO S.A.S.",
  name: "EMPRESA DEMO S.A.S.",
  graphic_representation_name: "EMPRESA DEMO S.A.S.",
  registration_code: "3FJ3253427",
  economic_activity: "6311",
  phone: "3165584659",
  email: "facturacion@empresa-demo.local",
  direction: "cra 10 # 9 - 04",
  municipality: "San Gil",
  municipality_code: "68679",
  url_logo: "https://emulator.factus.invalid/storage/images/logos/empresa-demo.png",
};

/** The seeded v2 account's company. */
export const DEMO_V2_COMPANY: Company = {
  nit: "901724254",
  dv: "1",
  company: "EMPRESA DEMO V2 S.A.S.",
  name: "EMPRESA DEMO V2 S.A.S.",
  graphic_representation_name: "EMPRESA DEMO V2 S.A.S.",
  registration_code: "4GK4364538",
  economic_activity: "6201",
  phone: "3176695760",
  email: "facturacion@empresa-demo-v2.local",
  direction: "calle 36 # 12 - 48",
  municipality: "Bucaramanga",
  municipality_code: "68001",
  url_logo: "https://emulator.factus.invalid/storage/images/logos/empresa-demo-v2.png",
};

/**
 * The API version of an account: the seeded v2 username is a v2 account, the seeded username a v1 account; with
 * open accounts (tests), any username containing "v2" opens a v2 account and any other a v1 account.
 */
export function apiVersionOf(username: string, config: EmulatorConfig): ApiVersion {
  const name = username.toLowerCase();
  if (name === config.v2Username.toLowerCase()) return "v2";
  if (name === config.username.toLowerCase()) return "v1";
  return config.openAccounts && name.includes("v2") ? "v2" : "v1";
}

/** The company an account invoices as. */
export function companyOf(_username: string, version: ApiVersion): Company {
  return version === "v2" ? DEMO_V2_COMPANY : DEMO_COMPANY;
}
