import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { validator } from "hono/validator";
import type * as z from "zod";

// Factus v1's response bodies, success and error, as its docs show them.

export const ok = <T>(c: Context, data: T, message = "Solicitud exitosa") =>
  c.json({ status: "OK", message, data });

export const created = <T>(c: Context, data: T, message: string) =>
  c.json({ status: "Created", message, data }, 201);

export const done = (c: Context, message: string) => c.json({ status: "OK", message });

export const unauthenticated = (c: Context) => c.json({ message: "Unauthenticated." }, 401);

export const notFound = (c: Context, message: string) => c.json({ status: "Not Found", message }, 404);

export const conflict = (c: Context, message: string) => c.json({ status: "Conflict", message }, 409);

/**
 * 422 with `data.errors` keyed by field (a list of messages each) or by DIAN rule (a text each), and `data.message`
 * summing them up as Laravel does: the first message, and how many more there are.
 */
export function validationError(
  c: Context,
  errors: Record<string, string[] | string>,
  message = "Error de validación",
) {
  const texts = Object.values(errors).flat();
  const more = texts.length - 1;
  const summary = `${texts[0] ?? message}${more > 0 ? ` (y ${more} ${more === 1 ? "error más" : "errores más"})` : ""}`;
  return c.json({ status: "Validation error", message, data: { message: summary, errors } }, 422);
}

/** zod issues → Laravel-style `{ "customer.dv": ["…"] }`. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const keys =
      issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of keys) {
      const field = path.join(".") || "body";
      errors[field] = [...(errors[field] ?? []), issue.message];
    }
  }
  return errors;
}

/**
 * A JSON body checked with `schema`, as Factus checks it: a 422 with Laravel-style field errors when it does not
 * fit (Hono answers malformed JSON with 400 before that).
 */
export const validJson = <S extends z.ZodType>(schema: S) =>
  validator("json", (value, c) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? (parsed.data as z.output<S>) : validationError(c, fieldErrors(parsed.error));
  });

/** Loads the document named by the `:number` path parameter into `c.var.document`, or answers Factus' 404. */
export const documentParam = <T>(load: (number: string) => T | undefined, noun: string) =>
  createMiddleware<{ Variables: { document: T } }>(async (c, next) => {
    const number = c.req.param("number") ?? "";
    const document = load(number);
    if (!document) return notFound(c, `No se encontró ${noun} ${number}`);
    c.set("document", document);
    await next();
  });

/** Factus-style `filter[name]=value` query parameters as a plain object. */
export function filters(c: Context, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((name) => [name, c.req.query(`filter[${name}]`) ?? undefined]));
}

/** `?page=` as a positive integer (1 when absent or invalid). */
export const pageOf = (c: Context) => Math.max(1, Math.floor(Number(c.req.query("page") ?? "1")) || 1);

/**
 * Laravel's pagination object, with links as Factus returns them. Factus' published examples disagree on the
 * previous/next links: the v1 bill list leaves their `page` out, the v1 credit-note list carries it (`null` or a
 * number), the one v2 list leaves it out of the previous link and gives the next one `current_page + 1` even on the
 * last page (`next-only`); `edgePages` follows the example of each list.
 */
export function pagination(
  baseUrl: string,
  path: string,
  page: number,
  perPage: number,
  total: number,
  edgePages: "omit" | "include" | "next-only" = "omit",
) {
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const link = (target: number) => `${baseUrl}${path}?page=${target}`;
  return {
    total,
    per_page: perPage,
    current_page: page,
    last_page: lastPage,
    from: total ? (page - 1) * perPage + 1 : null,
    to: total ? Math.min(page * perPage, total) : null,
    links: [
      {
        url: page > 1 ? link(page - 1) : null,
        label: "&laquo; Anterior",
        active: false,
        ...(edgePages === "include" ? { page: page > 1 ? page - 1 : null } : {}),
      },
      ...Array.from({ length: Math.min(lastPage, 10) }, (_, index) => ({
        url: link(index + 1),
        label: index + 1,
        active: index + 1 === page,
        page: index + 1,
      })),
      {
        url: page < lastPage ? link(page + 1) : null,
        label: "Siguiente &raquo;",
        active: false,
        ...(edgePages === "include" ? { page: page < lastPage ? page + 1 : null } : {}),
        ...(edgePages === "next-only" ? { page: page + 1 } : {}),
      },
    ],
  };
}
