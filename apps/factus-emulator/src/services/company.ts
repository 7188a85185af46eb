import { nitCheckDigit } from "@factus-edge/contracts";
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

/** FNV-1a, 32 bits: a stable number from a text (no secret in it, only spread). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A company of its own for any other account: a NIT derived from the username (stable across restarts, 9 digits
 * from 800000000, with DIAN's check digit) and a name from its local part; the rest like the seeded company of its
 * version.
 */
export function derivedCompany(username: string, version: ApiVersion): Company {
  const base = version === "v2" ? DEMO_V2_COMPANY : DEMO_COMPANY;
  const nit = String(800_000_000 + (fnv1a(username.toLowerCase()) % 200_000_000));
  const [local = username, domain = "empresa.local"] = username.toLowerCase().split("@");
  const name = `EMPRESA ${local.toUpperCase().slice(0, 40)} S.A.S.`;
  return {
    ...base,
    nit,
    dv: String(nitCheckDigit(nit)),
    company: name,
    name,
    graphic_representation_name: name,
    registration_code: `RC${nit}`,
    email: `facturacion@${domain}`,
    url_logo: `https://emulator.factus.invalid/storage/images/logos/${nit}.png`,
  };
}

/**
 * The company an account invoices as: each account its own. The seeded accounts are the demo companies; with
 * SHARED_V1_COMPANY (the test kit's setting for suites written before), every v1 account is the v1 demo company,
 * except a username that begins with `own-` (a suite that needs a company no other account shares).
 */
export function companyOf(username: string, version: ApiVersion, config: EmulatorConfig): Company {
  const name = username.toLowerCase();
  if (name === config.v2Username.toLowerCase()) return DEMO_V2_COMPANY;
  const shared = version === "v1" && config.sharedV1Company && !name.startsWith("own-");
  if (name === config.username.toLowerCase() || shared) return DEMO_COMPANY;
  return derivedCompany(username, version);
}
