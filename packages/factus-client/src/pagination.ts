import type { FactusPagination } from "@factus-edge/contracts/factus/common";
import type { FactusApiVersion } from "./errors";

/**
 * One page of a Factus list. `for await (const row of page)` walks every row of this page and the ones after it,
 * fetching each next page only when the previous one is used up.
 */
export class Page<T> implements AsyncIterable<T> {
  constructor(
    readonly data: T[],
    readonly pagination: FactusPagination,
    private readonly fetchPage: (page: number) => Promise<Page<T>>,
    /** The API version that answered; its rows carry it too. */
    readonly apiVersion: FactusApiVersion = "v1",
  ) {}

  /** Whether Factus has a page after this one. */
  hasNextPage(): boolean {
    return this.pagination.current_page < this.pagination.last_page;
  }

  /** Fetches the page after this one. */
  getNextPage(): Promise<Page<T>> {
    return this.fetchPage(this.pagination.current_page + 1);
  }

  /** The same page with each row mapped (and every page fetched after it, alike). */
  map<U>(mapRow: (row: T) => U): Page<U> {
    return new Page(
      this.data.map(mapRow),
      this.pagination,
      async (page) => (await this.fetchPage(page)).map(mapRow),
      this.apiVersion,
    );
  }

  /** Every row of this page and the ones after it, fetching each next page only when needed. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T> = this;
    for (;;) {
      yield* page.data;
      if (!page.hasNextPage() || page.data.length === 0) return;
      page = await page.getNextPage();
    }
  }
}
