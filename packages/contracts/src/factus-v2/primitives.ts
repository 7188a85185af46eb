import * as z from "zod";

// Building blocks of the Factus v2 wire schemas. This folder imports nothing from the rest of the package, so the
// v1 schemas can be reshaped without touching v2 (and the other way round).
//
// Requests (what the gateway sends and the emulator receives) are checked the way the v2 field tables describe
// them: unknown keys refused (z.strictObject), codes from the published tables, money with at most two decimals.
// Published inputs mix strings and numbers ("83300", "1", 1, 2000), so every numeric or code field takes both; a
// number is read as its text, and the parsed value is always a string, as the field tables type them.
// Responses are read leniently (z.looseObject: a new Factus field never breaks a reader); money and codes are
// normalised to strings.

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const asText = (value: unknown) => (typeof value === "number" ? String(value) : value);

/** Digits after the point, trailing zeros ignored ("19.00" → 0, "3.50" → 1). */
const decimals = (text: string) => (text.split(".")[1] ?? "").replace(/0+$/, "").length;

/**
 * A decimal in [min, max] with at most two decimals (trailing zeros aside), as a string or a number; parsed to its
 * text ("83300", "10000.00", 2000 → "2000"). The v2 tables say "máximo dos decimales" for prices, quantities,
 * discounts and rates; whether Factus refuses more is not documented, and we refuse them.
 */
export const v2Decimal = (min: number, max: number, options: { positive?: boolean; places?: number } = {}) =>
  z.preprocess(
    asText,
    z.string({ error: "Debe ser un número" }).superRefine((text, ctx) => {
      const value = Number(text);
      const places = options.places ?? 2;
      if (!PLAIN_DECIMAL.test(text)) ctx.addIssue({ code: "custom", message: "Debe ser un número decimal" });
      else if (decimals(text) > places)
        ctx.addIssue({ code: "custom", message: `Admite como máximo ${places} decimales` });
      else if (options.positive ? value <= min : value < min)
        ctx.addIssue({
          code: "custom",
          message: `Debe ser ${options.positive ? "mayor que" : "al menos"} ${min}`,
        });
      else if (value > max) ctx.addIssue({ code: "custom", message: `Debe ser como máximo ${max}` });
    }),
  );

// Bounds: amounts up to 10^13 pesos keep every figure exact in a double too; a real invoice is far below.
const MAX_AMOUNT = 1e13;

/** Money ≥ 0 (price, amount, discount amount). */
export const V2Amount = v2Decimal(0, MAX_AMOUNT);
/** A quantity > 0. */
export const V2Quantity = v2Decimal(0, MAX_AMOUNT, { positive: true });
/** A percentage 0–100 (tax, withholding or discount rate). */
export const V2Rate = v2Decimal(0, 100);
/** `cash_rounding_amount`: "El valor máximo permitido es ±500.00". */
export const V2CashRounding = v2Decimal(-500, 500);

/** Free text of bounded length; a number is read as its text. */
export const v2Text = (max: number, min = 0) =>
  z.preprocess(
    asText,
    z
      .string({ error: "Debe ser un texto" })
      .check(
        z.maxLength(max, { error: `Máximo ${max} caracteres` }),
        ...(min > 0 ? [z.minLength(min, { error: "No puede estar vacío" })] : []),
      ),
  );

/** One of a published table's codes; a number is read as its text (1 → "1"). */
export const v2Code = <const T extends readonly [string, ...string[]]>(codes: T) =>
  z.preprocess(asText, z.enum(codes, { error: `Debe ser uno de: ${codes.join(", ")}` }));

/** A code checked against a large table (municipalities, unit measures) without listing it in the message. */
export const v2CodeIn = (isKnown: (code: string) => boolean, what: string) =>
  z.preprocess(
    asText,
    z
      .string({ error: "Debe ser un texto" })
      .refine(isKnown, { error: `No es un código de ${what} de Factus v2` }),
  );

/** The codes of a table, as the non-empty tuple z.enum wants. */
export const codesOf = <const T extends readonly [{ code: string }, ...{ code: string }[]]>(rows: T) =>
  rows.map((row) => row.code) as { [K in keyof T]: T[K]["code"] };

/** A calendar date YYYY-MM-DD. */
export const V2Date = z.iso.date({ error: "Debe ser una fecha YYYY-MM-DD" });
/** A time of day HH:mm:ss. */
export const V2Time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, { error: "Debe ser una hora HH:mm:ss" });

// ---------------------------------------------------------------- response side

/** Money or a code in a response: "83300.00", 83300 or "01"; read as text. */
export const V2WireText = z.union([z.string(), z.number()]).transform(String);
/** `{ code, name }`, how v2 answers name every coded value. */
export const V2CodeName = z.looseObject({ code: V2WireText, name: z.string() });
export type V2CodeName = z.infer<typeof V2CodeName>;
/** A flag v2 documents as 1/0 in places and answers as a boolean in others (`is_active`); read as a boolean. */
export const V2WireFlag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform(Boolean);

/** `{ status, message, data }`, the v2 success envelope (as in v1). */
export const factusV2Envelope = <T extends z.ZodType>(data: T) =>
  z.looseObject({ status: z.string(), message: z.string(), data });

/** `{ status, message }` without data: delete, send e-mail, RADIAN event. */
export const FactusV2Message = z.looseObject({ status: z.string().optional(), message: z.string() });
export type FactusV2Message = z.infer<typeof FactusV2Message>;

/** Laravel's paginator, as the v2 list example shows it (its links carry a `page` v1's did not). */
export const FactusV2Pagination = z.looseObject({
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
      page: z.number().nullable().optional(),
    }),
  ),
});
export type FactusV2Pagination = z.infer<typeof FactusV2Pagination>;

/** A v2 list: `data: { data: [...], pagination }`. */
export const factusV2Page = <T extends z.ZodType>(row: T) =>
  factusV2Envelope(z.looseObject({ data: z.array(row), pagination: FactusV2Pagination }));
