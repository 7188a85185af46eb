import * as z from "zod";
import { decimalPlaces } from "../decimal";

// Factus accepts numbers sent as numeric strings ("19.00", "6"); so do we. Anything else that is not a number
// stays as it is and fails with a type error, so "abc" is never silently read as 0 (unlike z.coerce).
const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;
const numericTextToNumber = (value: unknown) =>
  typeof value === "string" && NUMERIC_TEXT.test(value) ? Number(value) : value;

// Codes are strings in Factus ("10", "01") but callers often send the number; a number becomes its text.
const numberToText = (value: unknown) => (typeof value === "number" ? String(value) : value);

/** Rejects unknown keys with a message that names them, instead of dropping them. */
export const strictObjectError = (issue: { code?: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys" && issue.keys
    ? `Campo(s) no permitido(s): ${issue.keys.join(", ")}`
    : undefined;

/** An object that refuses unknown fields with a clear message. */
export const strict = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, { error: strictObjectError });

// Checks are passed to one `.check(…)`: every chained `.min()`/`.max()` clones the schema, and the Worker builds
// hundreds of these at start-up.

/** An integer in [min, max], as a number or numeric string. */
export const integerLike = (min: number, max: number) =>
  z.preprocess(
    numericTextToNumber,
    z
      .int({ error: "Debe ser un número entero" })
      .check(
        z.gte(min, { error: `Debe ser como mínimo ${min}` }),
        z.lte(max, { error: `Debe ser como máximo ${max}` }),
      ),
  );

/** A decimal with at most 2 places in [min, max] (a number or numeric string), e.g. a price or a rate. */
export const decimal2 = (min: number, max: number, options: { exclusiveMin?: boolean } = {}) =>
  z.preprocess(
    numericTextToNumber,
    // One check for range and precision: these run for every money field of every item.
    z.number({ error: "Debe ser un número" }).superRefine((value, ctx) => {
      if (options.exclusiveMin ? value <= min : value < min) {
        ctx.addIssue({
          code: "custom",
          message: options.exclusiveMin ? `Debe ser mayor que ${min}` : `Debe ser como mínimo ${min}`,
        });
      } else if (value > max) {
        ctx.addIssue({ code: "custom", message: `Debe ser como máximo ${max}` });
      } else if (!Number.isInteger(value * 100) && (decimalPlaces(value) ?? 3) > 2) {
        ctx.addIssue({ code: "custom", message: "Admite como máximo 2 decimales" });
      }
    }),
  );

/** A percentage 0–100 with at most 2 decimals. */
export const percentage = () => decimal2(0, 100);

/** Trimmed text of bounded length; numbers are accepted and read as their text. */
export const text = (max: number, min = 0) =>
  z.preprocess(
    numberToText,
    z
      .string({ error: "Debe ser un texto" })
      .check(
        z.trim(),
        z.maxLength(max, { error: `Máximo ${max} caracteres` }),
        ...(min > 0 ? [z.minLength(min, { error: "No puede estar vacío" })] : []),
      ),
  );

/** One of a catalog's codes; a number is read as its text (10 → "10"). */
export const code = <const T extends readonly [string, ...string[]]>(codes: T) =>
  z.preprocess(numberToText, z.enum(codes, { error: `Debe ser uno de: ${codes.join(", ")}` }));

/** A calendar date YYYY-MM-DD. */
export const isoDate = () => z.iso.date({ error: "Debe ser una fecha YYYY-MM-DD" });

/** A time of day HH:mm:ss. */
export const timeOfDay = () =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, { error: "Debe ser una hora HH:mm:ss" });

/** 0/1 flag as Factus uses them; true/false and "0"/"1" are accepted too. */
export const flag = () =>
  z.preprocess(
    (value) => (typeof value === "boolean" ? Number(value) : numericTextToNumber(value)),
    z.union([z.literal(0), z.literal(1)], { error: "Debe ser 0 o 1" }),
  );

/** A boolean; 0/1 are accepted too, as Factus returns them. */
export const booleanLike = () =>
  z.preprocess(
    (value) => (value === 0 || value === 1 ? Boolean(value) : value),
    z.boolean({ error: "Debe ser true o false" }),
  );
