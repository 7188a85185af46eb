import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import type * as z from "zod";
import { type CreatedRange, connectEmulator, exampleBill, json, nitCustomer } from "../testing/helpers";

export {
  type EmulatorConnection,
  exampleBill,
  exampleV2Bill,
  expectStatus,
  faultHeaders,
  json,
} from "../testing/helpers";

/** The emulator Worker under test, reached in process, as its seeded account. */
export const emulator = connectEmulator({
  url: "http://emulator.test",
  adminSecret: env.EMULATOR_ADMIN_SECRET,
  fetch: (request) => exports.default.fetch(request),
});
export const { call, api, passwordGrant, accessToken } = emulator;

/** A bill range of this test's own, numbering from `from`, so rejections and counts never leak between tests. */
export const newBillRange = (token: string, from = 1000): Promise<CreatedRange> =>
  emulator.createRange(token, { current: from });

/** The published example bill to a NIT customer; `dv` decides whether DIAN accepts it (8 is right). */
export function nitBill(rangeId: number, dv: string) {
  const bill = exampleBill(rangeId);
  return { ...bill, customer: nitCustomer(dv) };
}

/**
 * Where `actual` differs in shape from the published `example`: a key missing or extra, or a JSON type that differs.
 * Nulls on either side say nothing about the type; arrays compare their first elements.
 */
export function shapeMismatches(example: unknown, actual: unknown, path = "$"): string[] {
  if (example === null || example === undefined || actual === null) return [];
  const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
  if (kind(example) !== kind(actual)) return [`${path}: expected ${kind(example)}, got ${kind(actual)}`];
  if (Array.isArray(example)) {
    const actualArray = actual as unknown[];
    return example.length && actualArray.length
      ? shapeMismatches(example[0], actualArray[0], `${path}[0]`)
      : [];
  }
  if (typeof example === "object") {
    const expected = example as Record<string, unknown>;
    const got = actual as Record<string, unknown>;
    return [
      ...Object.entries(expected).flatMap(([key, value]) =>
        key in got ? shapeMismatches(value, got[key], `${path}.${key}`) : [`${path}.${key}: missing`],
      ),
      ...Object.keys(got)
        .filter((key) => !(key in expected))
        .map((key) => `${path}.${key}: extra`),
    ];
  }
  return [];
}

/** A fresh v2 account of the test's own (open accounts: a username with "v2"), and an access token of it. */
export async function newV2Account(label: string) {
  const account = emulator.forAccount(`${label}-v2-${crypto.randomUUID()}@empresa.test`);
  return { account, token: await account.accessToken() };
}

/**
 * Asserts the emulator's answer has exactly the keys of the published example, with the same JSON types, but for
 * the differences `known` names with the reason for each.
 */
export async function expectShape(
  response: Response,
  example: unknown,
  status = 200,
  known: Record<string, string> = {},
) {
  const body = await json(response);
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  expect(shapeMismatches(example, body).filter((difference) => !(difference in known))).toEqual([]);
  return body;
}

/** `body` parsed with `schema` (the contracts' v2 schemas), or a failure that shows the issues. */
export function expectSchema<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues, null, 2)).toBe(true);
  return parsed.data as z.output<S>;
}
