import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import advancedRequest from "../../../fixtures/factus-v1/facturas__crear-y-validar-factura__factura-avanzada.1.json";

export const ADMIN = { "x-emulator-admin": env.EMULATOR_ADMIN_SECRET };

/** A request to the emulator Worker under test. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`http://emulator.test${path}`, init));
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by each test against Factus' examples
export async function json(response: Response): Promise<any> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`not JSON (${response.status}): ${text.slice(0, 300)}`);
  }
}

export async function passwordGrant(overrides: Record<string, string> = {}) {
  const form = new URLSearchParams({
    grant_type: "password",
    client_id: env.EMULATOR_CLIENT_ID,
    client_secret: env.EMULATOR_CLIENT_SECRET,
    username: env.EMULATOR_USERNAME,
    password: env.EMULATOR_PASSWORD,
    ...overrides,
  });
  return call("/oauth/token", { method: "POST", body: form });
}

/** A fresh access token of the seeded account. */
export async function accessToken(): Promise<string> {
  const response = await passwordGrant();
  const body = await json(response);
  if (response.status !== 200) throw new Error(`token: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/** An authenticated Factus API call; `body` objects are sent as JSON. */
export async function api(
  token: string,
  path: string,
  init: Omit<RequestInit, "body"> & { body?: unknown } = {},
) {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  headers.set("accept", "application/json");
  let body: BodyInit | undefined;
  if (init.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.body);
  }
  return call(path, { ...init, headers, body });
}

let rangeSequence = 0;
/** A bill range of this test's own, so rejections and counts never leak between tests. */
export async function newBillRange(token: string, from = 1000): Promise<{ id: number; prefix: string }> {
  const prefix = `T${crypto.randomUUID().replace(/\D/g, "").slice(0, 2)}${rangeSequence++ % 10}`;
  const response = await api(token, "/v1/numbering-ranges", {
    method: "POST",
    body: {
      document: "21",
      prefix,
      current: from,
      from,
      to: from + 100_000,
      resolution_number: "18760000001",
      technical_key: `tk-${prefix}`,
      start_date: "2024-01-01",
      end_date: "2030-12-31",
    },
  });
  const body = await json(response);
  if (response.status !== 201) throw new Error(`range: ${response.status} ${JSON.stringify(body)}`);
  return { id: body.data.id, prefix };
}

/** The published Factus example request, on a given range and with a unique reference code. */
export function exampleBill(rangeId: number, overrides: Record<string, unknown> = {}) {
  return {
    ...structuredClone(advancedRequest),
    numbering_range_id: rangeId,
    reference_code: `REF-${crypto.randomUUID().slice(0, 12)}`,
    ...overrides,
  };
}

/** A bill to a NIT customer; `dv` decides whether DIAN accepts it (8 is right for 900123456). */
export function nitBill(rangeId: number, dv: string) {
  const bill = exampleBill(rangeId);
  bill.customer = {
    ...bill.customer,
    identification_document_id: 6,
    identification: "900123456",
    dv,
    company: "Acme Corporation S.A.S.",
    names: "",
    legal_organization_id: "1",
  };
  return bill;
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
