import {
  FactusAcquirerResponse,
  FactusCompanyResponse,
  FactusCountries,
  FactusCurrentSubscriptionResponse,
  FactusMeasurementUnits,
  FactusMunicipalities,
  FactusSubscriptionPlans,
  FactusTributes,
} from "@factus-edge/contracts";
import type * as z from "zod";
import type { HttpCore } from "../core";
import type { RequestOptions } from "../options";

/** Factus' catalogs; each list takes an optional `name` filter (partial, accent-insensitive). */
export class CatalogsResource {
  constructor(private readonly http: HttpCore) {}

  private async list<S extends z.ZodType<{ data: unknown }>>(
    path: string,
    schema: S,
    name: string | undefined,
    options: RequestOptions,
  ) {
    const response = await this.http.request({ method: "GET", path, query: { name } }, schema, options);
    return (response as { data: z.output<S>["data"] }).data;
  }

  /** Municipalities with their Factus ids (what `municipality_id` takes), optionally filtered by name. */
  municipalities(name?: string, options: RequestOptions = {}) {
    return this.list("/v1/municipalities", FactusMunicipalities, name, options);
  }

  /** Countries (ISO 3166, Spanish names), optionally filtered by name. */
  countries(name?: string, options: RequestOptions = {}) {
    return this.list("/v1/countries", FactusCountries, name, options);
  }

  /** Product tributes (IVA, INC, ICA…) with their Factus ids (an item's `tribute_id`). */
  tributes(name?: string, options: RequestOptions = {}) {
    return this.list("/v1/tributes/products", FactusTributes, name, options);
  }

  /** Units of measure with their Factus ids (an item's `unit_measure_id`; 70 is "unidad"). */
  measurementUnits(name?: string, options: RequestOptions = {}) {
    return this.list("/v1/measurement-units", FactusMeasurementUnits, name, options);
  }

  /** Name and e-mail DIAN has for an acquirer. */
  async acquirer(
    input: { identificationDocumentId: number; identificationNumber: string },
    options: RequestOptions = {},
  ) {
    const query = {
      identification_document_id: input.identificationDocumentId,
      identification_number: input.identificationNumber,
    };
    return (
      await this.http.request(
        { method: "GET", path: "/v1/dian/acquirer", query },
        FactusAcquirerResponse,
        options,
      )
    ).data;
  }
}

/** `/v1/subscriptions`: the account's plans and the documents left in the current one. */
export class SubscriptionsResource {
  constructor(private readonly http: HttpCore) {}

  /** The current plan: documents included, used and left, and its expiry. */
  async current(options: RequestOptions = {}) {
    const path = "/v1/subscriptions/current";
    return (await this.http.request({ method: "GET", path }, FactusCurrentSubscriptionResponse, options))
      .data;
  }

  /** Every plan of the account (invoicing, payroll…). */
  async list(options: RequestOptions = {}) {
    const path = "/v1/subscriptions";
    return (await this.http.request({ method: "GET", path }, FactusSubscriptionPlans, options)).data;
  }
}

/** `/v1/company`: the issuing company's profile. */
export class CompanyResource {
  constructor(private readonly http: HttpCore) {}

  /** The company (issuer) of the account: NIT, names, address, responsibilities. */
  async get(options: RequestOptions = {}) {
    return (await this.http.request({ method: "GET", path: "/v1/company" }, FactusCompanyResponse, options))
      .data;
  }
}
