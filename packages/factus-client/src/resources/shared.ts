import type * as z from "zod";
import type { ApiVersions } from "../api-version";
import type { HttpCore, HttpRequest } from "../core";
import { FactusInvalidRequestError } from "../errors";
import type { RequestOptions } from "../options";

// Request building shared by the resources.

/**
 * A value as one URL path segment: encoded, and never "." or "..", which URL resolution would turn into another
 * Factus path (`/v1/bills/destroy/reference/..` is `/v1/bills/destroy`).
 */
export const segment = (value: string) => {
  if (value === "." || value === "..") {
    throw new FactusInvalidRequestError(`"${value}" cannot be a path segment`, {
      requestId: "",
      issues: [{ field: "path", messages: ["Must not be . or .."] }],
    });
  }
  return encodeURIComponent(value);
};

/** `{ a: 1, b: { c: 2 } }` → `filter[a]=1&filter[b][c]=2`, as Factus (Laravel) reads filters. */
export const filterQuery = (
  filters: object,
  prefix = "filter",
): Record<string, string | number | undefined> =>
  Object.fromEntries(
    Object.entries(filters).flatMap(([key, value]) =>
      value && typeof value === "object"
        ? Object.entries(filterQuery(value, `${prefix}[${key}]`))
        : [[`${prefix}[${key}]`, value as string | number | undefined]],
    ),
  );

type Envelope<T> = z.ZodType<{ data: T }>;

/** Sends `request` and answers the `data` of Factus' envelope. */
export const dataOf = async <T>(
  http: HttpCore,
  request: HttpRequest,
  schema: Envelope<T>,
  options: RequestOptions,
): Promise<T> => (await http.request(request, schema, options)).data;

/**
 * The same request on each version, answering the same kind of `data` (a PDF, a message, events…): the paths and
 * schemas differ, the caller's type does not.
 */
export function onEither<A, B>(
  http: HttpCore,
  versions: ApiVersions,
  operation: string,
  options: RequestOptions,
  v1: [HttpRequest, Envelope<A>],
  v2: [HttpRequest, Envelope<B>],
): Promise<A | B> {
  return versions.run<A | B>(operation, options, {
    v1: () => dataOf(http, v1[0], v1[1], options),
    v2: () => dataOf(http, v2[0], v2[1], options),
  });
}

/** `{ status, message }` answers (delete, send e-mail): the message. */
export const messageOf = async (
  http: HttpCore,
  request: HttpRequest,
  schema: z.ZodType<{ message: string }>,
  options: RequestOptions,
): Promise<string> => (await http.request(request, schema, options)).message;
