import { FactusMessage, type FactusPagination } from "@factus-edge/contracts/factus/common";
import {
  FactusCreateNumberingRangeRequest,
  FactusDianRanges,
  type FactusNumberingRange,
  FactusNumberingRangeFilters,
  FactusNumberingRangePage,
  FactusNumberingRangeResponse,
} from "@factus-edge/contracts/factus/numbering-ranges";
import {
  FactusV2CreateNumberingRangeRequest,
  FactusV2DianRanges,
  type FactusV2NumberingRange,
  FactusV2NumberingRangePage,
  FactusV2NumberingRangeResponse,
  FactusV2UpdateRangeCurrentRequest,
} from "@factus-edge/contracts/factus-v2/numbering-ranges";
import { FactusV2Message } from "@factus-edge/contracts/factus-v2/primitives";
import type * as z from "zod";
import type { ApiVersions } from "../api-version";
import type { HttpCore } from "../core";
import type { RequestOptions } from "../options";
import { dataOf, filterQuery, messageOf, onEither } from "./shared";

/** A bound on the pages walked: an account has a handful of ranges; a runaway `last_page` must not loop forever. */
const MAX_RANGE_PAGES = 50;

/**
 * A v2 range in v1's shape. The two carry the same fields; v2 answers the flags as booleans (or 1/0), v1 has
 * `is_active` as 1/0: one shape serves a caller of either version.
 */
const asV1Range = (range: FactusV2NumberingRange): FactusNumberingRange => ({
  ...range,
  is_active: Number(range.is_active),
});

type Envelope<T> = z.ZodType<{ data: T }>;

/**
 * DIAN-authorized consecutive ranges, on `/v1/numbering-ranges` or `/v2/numbering-ranges` by the account's API
 * version. Both versions' ranges are answered in one shape (v1's), the ids being the account's own.
 */
export class NumberingRangesResource {
  constructor(
    private readonly http: HttpCore,
    private readonly versions: ApiVersions,
  ) {}

  /**
   * Every numbering range of the account, filtered as Factus allows (id, document, resolution, key, active): Factus
   * pages them 10 at a time, and this walks every page (at most MAX_RANGE_PAGES).
   */
  async list(
    filters: z.input<typeof FactusNumberingRangeFilters> = {},
    options: RequestOptions = {},
  ): Promise<FactusNumberingRange[]> {
    const query = filterQuery(this.http.prepare(FactusNumberingRangeFilters, filters, options));
    const walk = async <T>(
      path: string,
      schema: Envelope<{ data: T[]; pagination: FactusPagination }>,
      map: (row: T) => FactusNumberingRange,
    ) => {
      const ranges: FactusNumberingRange[] = [];
      for (let page = 1; page <= MAX_RANGE_PAGES; page++) {
        const { data, pagination } = await dataOf(
          this.http,
          { method: "GET", path, query: { ...query, page } },
          schema,
          options,
        );
        ranges.push(...data.map(map));
        if (pagination.current_page >= pagination.last_page || data.length === 0) break;
      }
      return ranges;
    };
    return this.versions.run("numberingRanges.list", options, {
      v1: () => walk("/v1/numbering-ranges", FactusNumberingRangePage, (range) => range),
      v2: () => walk("/v2/numbering-ranges", FactusV2NumberingRangePage, asV1Range),
    });
  }

  /** One numbering range by its Factus id. */
  async get(id: number, options: RequestOptions = {}): Promise<FactusNumberingRange> {
    const path = `numbering-ranges/${Math.trunc(id)}`;
    return this.versions.run("numberingRanges.get", options, {
      v1: () =>
        dataOf(this.http, { method: "GET", path: `/v1/${path}` }, FactusNumberingRangeResponse, options),
      v2: async () =>
        asV1Range(
          await dataOf(
            this.http,
            { method: "GET", path: `/v2/${path}` },
            FactusV2NumberingRangeResponse,
            options,
          ),
        ),
    });
  }

  /**
   * Creates a numbering range (an administrative action: the range must match a DIAN resolution). v2 takes only
   * `document`, `prefix`, `resolution_number` and `current`; the other v1 fields are refused before sending.
   */
  async create(
    input: z.input<typeof FactusCreateNumberingRangeRequest>,
    options: RequestOptions = {},
  ): Promise<FactusNumberingRange> {
    return this.versions.run("numberingRanges.create", options, {
      v1: () => {
        const json = this.http.prepare(FactusCreateNumberingRangeRequest, input, options);
        const request = { method: "POST", path: "/v1/numbering-ranges", json } as const;
        return dataOf(this.http, request, FactusNumberingRangeResponse, options);
      },
      v2: async () => {
        const json = this.http.prepare(FactusV2CreateNumberingRangeRequest, input, options);
        const request = { method: "POST", path: "/v2/numbering-ranges", json } as const;
        return asV1Range(await dataOf(this.http, request, FactusV2NumberingRangeResponse, options));
      },
    });
  }

  /** Moves a range's next consecutive number (`PATCH …/numbering-ranges/{id}/current`). */
  async updateCurrent(
    id: number,
    current: number,
    options: RequestOptions = {},
  ): Promise<FactusNumberingRange> {
    const path = `numbering-ranges/${Math.trunc(id)}/current`;
    const json = { current: Math.trunc(current) };
    return this.versions.run("numberingRanges.updateCurrent", options, {
      v1: () =>
        dataOf(
          this.http,
          { method: "PATCH", path: `/v1/${path}`, json },
          FactusNumberingRangeResponse,
          options,
        ),
      v2: async () => {
        const body = this.http.prepare(FactusV2UpdateRangeCurrentRequest, json, options);
        const request = { method: "PATCH", path: `/v2/${path}`, json: body } as const;
        return asV1Range(await dataOf(this.http, request, FactusV2NumberingRangeResponse, options));
      },
    });
  }

  /** Activates or deactivates a range (`PATCH /v2/numbering-ranges/{id}/toggle-status`). Factus v2 only. */
  async toggleStatus(id: number, options: RequestOptions = {}): Promise<FactusNumberingRange> {
    const request = {
      method: "PATCH",
      path: `/v2/numbering-ranges/${Math.trunc(id)}/toggle-status`,
    } as const;
    const send = async () =>
      asV1Range(await dataOf(this.http, request, FactusV2NumberingRangeResponse, options));
    return this.versions.run(
      "numberingRanges.toggleStatus",
      options,
      { v2: send },
      "Factus v1 has no toggle-status",
    );
  }

  /** Deletes a numbering range that has issued no document. Returns Factus' message. */
  async delete(id: number, options: RequestOptions = {}): Promise<string> {
    const path = `numbering-ranges/${Math.trunc(id)}`;
    return this.versions.run("numberingRanges.delete", options, {
      v1: () => messageOf(this.http, { method: "DELETE", path: `/v1/${path}` }, FactusMessage, options),
      v2: () => messageOf(this.http, { method: "DELETE", path: `/v2/${path}` }, FactusV2Message, options),
    });
  }

  /** Ranges DIAN has associated with the software. */
  async dian(options: RequestOptions = {}) {
    return onEither(
      this.http,
      this.versions,
      "numberingRanges.dian",
      options,
      [{ method: "GET", path: "/v1/numbering-ranges/dian" }, FactusDianRanges],
      [{ method: "GET", path: "/v2/numbering-ranges/dian" }, FactusV2DianRanges],
    );
  }
}
