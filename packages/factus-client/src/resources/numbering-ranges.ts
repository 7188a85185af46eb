import {
  FactusCreateNumberingRangeRequest,
  FactusDianRanges,
  FactusMessage,
  type FactusNumberingRange,
  FactusNumberingRangeFilters,
  FactusNumberingRangePage,
  FactusNumberingRangeResponse,
} from "@factus-edge/contracts";
import type * as z from "zod";
import type { HttpCore } from "../core";

/** A bound on the pages walked: an account has a handful of ranges; a runaway `last_page` must not loop forever. */
const MAX_RANGE_PAGES = 50;

import type { RequestOptions } from "../options";
import { filterQuery } from "./bills";

/** `/v1/numbering-ranges`: DIAN-authorized consecutive ranges. */
export class NumberingRangesResource {
  constructor(private readonly http: HttpCore) {}

  /**
   * Every numbering range of the account, filtered as Factus allows (id, document, resolution, key, active): Factus
   * pages them 10 at a time, and this walks every page (at most MAX_RANGE_PAGES).
   */
  async list(filters: z.input<typeof FactusNumberingRangeFilters> = {}, options: RequestOptions = {}) {
    const query = filterQuery(this.http.prepare(FactusNumberingRangeFilters, filters, options));
    const ranges: FactusNumberingRange[] = [];
    for (let page = 1; page <= MAX_RANGE_PAGES; page++) {
      const { data } = await this.http.request(
        { method: "GET", path: "/v1/numbering-ranges", query: { ...query, page } },
        FactusNumberingRangePage,
        options,
      );
      ranges.push(...data.data);
      if (data.pagination.current_page >= data.pagination.last_page || data.data.length === 0) break;
    }
    return ranges;
  }

  /** One numbering range by its Factus id. */
  async get(id: number, options: RequestOptions = {}) {
    const path = `/v1/numbering-ranges/${Math.trunc(id)}`;
    return (await this.http.request({ method: "GET", path }, FactusNumberingRangeResponse, options)).data;
  }

  /** Creates a numbering range (an administrative action: the range must match a DIAN resolution). */
  async create(input: z.input<typeof FactusCreateNumberingRangeRequest>, options: RequestOptions = {}) {
    const json = this.http.prepare(FactusCreateNumberingRangeRequest, input, options);
    return (
      await this.http.request(
        { method: "POST", path: "/v1/numbering-ranges", json },
        FactusNumberingRangeResponse,
        options,
      )
    ).data;
  }

  /** Moves a range's next consecutive number (`PATCH /v1/numbering-ranges/{id}/current`). */
  async updateCurrent(id: number, current: number, options: RequestOptions = {}) {
    const path = `/v1/numbering-ranges/${Math.trunc(id)}/current`;
    const json = { current: Math.trunc(current) };
    return (await this.http.request({ method: "PATCH", path, json }, FactusNumberingRangeResponse, options))
      .data;
  }

  /** Deletes a numbering range that has issued no document. Returns Factus' message. */
  async delete(id: number, options: RequestOptions = {}) {
    const path = `/v1/numbering-ranges/${Math.trunc(id)}`;
    return (await this.http.request({ method: "DELETE", path }, FactusMessage, options)).message;
  }

  /** Ranges DIAN has associated with the software. */
  async dian(options: RequestOptions = {}) {
    return (
      await this.http.request({ method: "GET", path: "/v1/numbering-ranges/dian" }, FactusDianRanges, options)
    ).data;
  }
}
