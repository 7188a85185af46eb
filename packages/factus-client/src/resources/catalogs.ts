import { IDENTITY_DOCUMENTS } from "@factus-edge/contracts/catalogs/dian";
import {
  FactusAcquirerResponse,
  FactusCompanyResponse,
  FactusCountries,
  FactusMeasurementUnits,
  FactusMunicipalities,
  FactusTributes,
} from "@factus-edge/contracts/factus/catalogs";
import {
  FactusCurrentSubscriptionResponse,
  FactusSubscriptionPlans,
} from "@factus-edge/contracts/factus/subscriptions";
import {
  FactusV2AcquirerResponse,
  FactusV2CompanyResponse,
  FactusV2Subscriptions,
} from "@factus-edge/contracts/factus-v2/account";
import type * as z from "zod";
import type { ApiVersions } from "../api-version";
import type { HttpCore } from "../core";
import { type ByVersion, type Tagged, tag } from "../documents";
import { FactusInvalidRequestError, FactusNotFoundError, FactusVersionError } from "../errors";
import type { RequestOptions } from "../options";
import { dataOf, onEither } from "./shared";
import { V2_CATALOGS, type V2Catalog } from "./v2-catalogs";

type CatalogRows<S extends z.ZodType<{ data: unknown }>> = z.output<S>["data"];

/**
 * Factus' catalogs; each list takes an optional `name` filter (partial, accent-insensitive). Factus v2 has no
 * catalog routes: for a v2 account they are answered from v2's published tables (`@factus-edge/contracts/factus-v2`)
 * in v1's shape, `id` being the v1 id of the same entry; nothing is sent once the account's version is known.
 */
export class CatalogsResource {
  constructor(
    private readonly http: HttpCore,
    private readonly versions: ApiVersions,
  ) {}

  private async list<S extends z.ZodType<{ data: unknown[] }>>(
    path: string,
    schema: S,
    v2Table: V2Catalog,
    name: string | undefined,
    options: RequestOptions,
  ): Promise<CatalogRows<S>> {
    const fetch = () => dataOf(this.http, { method: "GET", path, query: { name } }, schema, options);
    try {
      return (await this.versions.run(`catalogs.${v2Table}`, options, { v1: fetch })) as CatalogRows<S>;
    } catch (error) {
      // A v2 account: known already (nothing was sent), or just learnt from its 403.
      if (error instanceof FactusVersionError && error.accountVersion === "v2") {
        return V2_CATALOGS[v2Table](name) as CatalogRows<S>;
      }
      throw error;
    }
  }

  /** Municipalities with their Factus ids (what `municipality_id` takes) and DANE codes, optionally by name. */
  async municipalities(name?: string, options: RequestOptions = {}) {
    return this.list("/v1/municipalities", FactusMunicipalities, "municipalities", name, options);
  }

  /** Countries (ISO 3166, Spanish names), optionally filtered by name. */
  async countries(name?: string, options: RequestOptions = {}) {
    return this.list("/v1/countries", FactusCountries, "countries", name, options);
  }

  /**
   * Product tributes (IVA, INC, ICA…) with their Factus ids (an item's `tribute_id`). On v2, the v1 tributes v2 still
   * has a tax code for (IVA 01, INC 04); v2's tax 35 has no v1 id: read `V2_TAXES` for it.
   */
  async tributes(name?: string, options: RequestOptions = {}) {
    return this.list("/v1/tributes/products", FactusTributes, "tributes", name, options);
  }

  /** Units of measure with their Factus ids (an item's `unit_measure_id`; 70 is "unidad", v2 code 94). */
  async measurementUnits(name?: string, options: RequestOptions = {}) {
    return this.list("/v1/measurement-units", FactusMeasurementUnits, "measurementUnits", name, options);
  }

  /**
   * Name and e-mail DIAN has for an acquirer. The document type is v1's id or DIAN's code (v2 takes the code,
   * `identification_document_code`); either one is translated for the account's version.
   */
  async acquirer(
    input: (
      | { identificationDocumentId: number; identificationDocumentCode?: undefined }
      | { identificationDocumentCode: string; identificationDocumentId?: undefined }
    ) & { identificationNumber: string },
    options: RequestOptions = {},
  ) {
    const document = IDENTITY_DOCUMENTS.find((entry) =>
      input.identificationDocumentId === undefined
        ? entry.code === input.identificationDocumentCode
        : entry.id === input.identificationDocumentId,
    );
    if (!document) {
      throw new FactusInvalidRequestError("Unknown identity document type", {
        requestId: options.requestId ?? "",
        issues: [
          { field: "identificationDocument", messages: ["Not a Factus document type id or DIAN code"] },
        ],
      });
    }
    const number = { identification_number: input.identificationNumber };
    return onEither(
      this.http,
      this.versions,
      "catalogs.acquirer",
      options,
      [
        {
          method: "GET",
          path: "/v1/dian/acquirer",
          query: { identification_document_id: document.id, ...number },
        },
        FactusAcquirerResponse,
      ],
      [
        {
          method: "GET",
          path: "/v2/dian/acquirer",
          query: { identification_document_code: document.code, ...number },
        },
        FactusV2AcquirerResponse,
      ],
    );
  }
}

type V1Subscription = Tagged<z.output<typeof FactusCurrentSubscriptionResponse>["data"], "v1">;
type V2Subscription = Tagged<z.output<typeof FactusV2Subscriptions>["data"][number], "v2">;

/** The account's plans and the documents left in the current one (`/v1/subscriptions`, `/v2/subscriptions`). */
export class SubscriptionsResource<V = undefined> {
  constructor(
    private readonly http: HttpCore,
    private readonly versions: ApiVersions,
  ) {}

  /**
   * The current plan: documents included, used and left, and its expiry. v1 answers `/v1/subscriptions/current`;
   * v2 has no such route, so it is the active row of `/v2/subscriptions` (NotFound when none is active).
   */
  async current(options: RequestOptions = {}): Promise<ByVersion<V, V1Subscription, V2Subscription>> {
    const v1 = async () =>
      tag(
        await dataOf(
          this.http,
          { method: "GET", path: "/v1/subscriptions/current" },
          FactusCurrentSubscriptionResponse,
          options,
        ),
        "v1",
      );
    const v2 = async () => {
      const plans = await dataOf(
        this.http,
        { method: "GET", path: "/v2/subscriptions" },
        FactusV2Subscriptions,
        options,
      );
      const active =
        plans.find((plan) => plan.is_active && !plan.has_expired) ?? plans.find((plan) => plan.is_active);
      if (!active) {
        throw new FactusNotFoundError("The Factus account has no active subscription", {
          status: 404,
          body: plans,
          requestId: options.requestId ?? "",
        });
      }
      return tag(active, "v2");
    };
    const current = await this.versions.runTyped<V1Subscription | V2Subscription>(
      "subscriptions.current",
      options,
      { v1, v2: v2 },
    );
    return current as ByVersion<V, V1Subscription, V2Subscription>;
  }

  /** Every plan of the account (invoicing, payroll…); both versions answer the same rows. */
  async list(options: RequestOptions = {}) {
    return onEither(
      this.http,
      this.versions,
      "subscriptions.list",
      options,
      [{ method: "GET", path: "/v1/subscriptions" }, FactusSubscriptionPlans],
      [{ method: "GET", path: "/v2/subscriptions" }, FactusV2Subscriptions],
    );
  }
}

type V1Company = Tagged<z.output<typeof FactusCompanyResponse>["data"], "v1">;
type V2Company = Tagged<z.output<typeof FactusV2CompanyResponse>["data"], "v2">;

/** The issuing company's profile (`/v1/company`, `/v2/companies`). */
export class CompanyResource<V = undefined> {
  constructor(
    private readonly http: HttpCore,
    private readonly versions: ApiVersions,
  ) {}

  /**
   * The company (issuer) of the account: NIT, names, address, responsibilities. A v2 profile has every field of a
   * v1 one, so a client with 0.1's types reads both.
   */
  async get(
    options: RequestOptions = {},
  ): Promise<ByVersion<V, V1Company, V2Company, V1Company | V2Company>> {
    const company = await this.versions.run<V1Company | V2Company>("company.get", options, {
      v1: async () =>
        tag(
          await dataOf(this.http, { method: "GET", path: "/v1/company" }, FactusCompanyResponse, options),
          "v1",
        ),
      v2: async () =>
        tag(
          await dataOf(this.http, { method: "GET", path: "/v2/companies" }, FactusV2CompanyResponse, options),
          "v2",
        ),
    });
    return company as ByVersion<V, V1Company, V2Company, V1Company | V2Company>;
  }
}
