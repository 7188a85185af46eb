import type { CallOptions, EdgeClient } from "./client";

interface Page<Item> {
  items: Item[];
  pagination: { page: number; last_page: number };
}
// biome-ignore lint/suspicious/noExplicitAny: any list operation, whatever its own parameters are.
type ListOperation = (client: EdgeClient, params?: any, options?: CallOptions) => Promise<Page<unknown>>;
type ItemOf<List extends ListOperation> = Awaited<ReturnType<List>> extends Page<infer Item> ? Item : never;

/**
 * Every item of a paginated list, page after page, as an async iterator:
 * `for await (const invoice of paginate(listInvoices, client, { query: { status: "1" } })) …`.
 */
export async function* paginate<List extends ListOperation>(
  list: List,
  client: EdgeClient,
  params: Parameters<List>[1] = {},
  options?: CallOptions,
): AsyncGenerator<ItemOf<List>, void, undefined> {
  for (let page = Number(params?.query?.page ?? 1); ; page++) {
    const query = { ...params?.query, page: String(page) };
    const result = await list(client, { ...params, query }, options);
    yield* result.items as ItemOf<List>[];
    if (page >= result.pagination.last_page || result.items.length === 0) return;
  }
}
