import {
  FactusCreateNumberingRangeRequest,
  FactusDianRanges,
  FactusMessage,
  FactusNumberingRangeFilters,
  FactusNumberingRangePage,
  FactusNumberingRangeResponse,
} from "@factus-edge/contracts";
import type * as z from "zod";
import type { HttpCore } from "../core";
import type { RequestOptions } from "../options";
import { filterQuery } from "./bills";

/** `/v1/numbering-ranges`: DIAN-authorized consecutive ranges. */
export class NumberingRangesResource {
  constructor(private readonly http: HttpCore) {}

  /** The account's numbering ranges, filtered as Factus allows (id, document, resolution, key, active). */
  async list(filters: z.input<typeof FactusNumberingRangeFilters> = {}, options: RequestOptions = {}) {
    const query = filterQuery(this.http.prepare(FactusNumberingRangeFilters, filters, options));
    return (
      await this.http.request(
        { method: "GET", path: "/v1/numbering-ranges", query },
        FactusNumberingRangePage,
        options,
      )
    ).data.data;
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
