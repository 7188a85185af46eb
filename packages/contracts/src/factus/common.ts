import * as z from "zod";

// Factus v1 payloads, parsed leniently where Factus is lenient: money may come as "81232.50" or 40000, flags as
// 0/1 or booleans, codes as "68872" or 68872. Unknown fields pass through (z.looseObject) so that a new Factus
// field never breaks a client.

export const FactusMoney = z.union([z.string(), z.number()]).transform(String);
export const FactusCodeText = z.union([z.string(), z.number()]).transform(String);
export const FactusFlag = z.union([z.number(), z.boolean()]).transform(Number);
export const FactusCodeName = z.looseObject({ code: FactusCodeText, name: z.string() });

/** `{ status, message, data }`, Factus' success envelope. */
export const factusEnvelope = <T extends z.ZodType>(data: T) =>
  z.looseObject({ status: z.string(), message: z.string(), data });

/** `{ status, message }` with no data (delete, send e-mail). */
export const FactusMessage = z.looseObject({ status: z.string().optional(), message: z.string() });
export type FactusMessage = z.infer<typeof FactusMessage>;

export const FactusPagination = z.looseObject({
  total: z.number(),
  per_page: z.number(),
  current_page: z.number(),
  last_page: z.number(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  links: z.array(
    z.looseObject({
      url: z.string().nullable(),
      label: z.union([z.string(), z.number()]),
      active: z.boolean(),
    }),
  ),
});
export type FactusPagination = z.infer<typeof FactusPagination>;

/** A paginated list: `data: { data: [...], pagination }`. */
export const factusPage = <T extends z.ZodType>(row: T) =>
  factusEnvelope(z.looseObject({ data: z.array(row), pagination: FactusPagination }));

/** Factus' DIAN notes: a list of strings, or an object of rule → text; normalized to a list. */
export const FactusNotifications = z
  .union([z.array(z.string()), z.record(z.string(), z.union([z.string(), z.array(z.string())])), z.null()])
  .transform((value) =>
    !value
      ? []
      : Array.isArray(value)
        ? value
        : Object.entries(value).map(([rule, text]) => `${rule}: ${[text].flat().join(" ")}`),
  );
