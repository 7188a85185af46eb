// What tests of this repo need to talk to a running Factus emulator: its seeded credentials, the Factus calls a test
// makes directly (tokens, ranges), its `/__emulator/*` controls, and body helpers. Runtime-neutral (fetch only, no
// `node:` import), so it serves tests in workerd as well as in Node; starting an emulator is in ./start-emulator.ts.
import advancedBill from "../../../fixtures/factus-v1/facturas__crear-y-validar-factura__factura-avanzada.1.json";
import v2Bill from "../../../fixtures/factus-v2/facturas__crear-y-validar.1.json";

/** The OAuth client and v1 account the emulator seeds (wrangler.jsonc), in the shape `FactusClient` takes. */
export const emulatorCredentials = {
  clientId: "emulator-client-id",
  clientSecret: "emulator-client-secret",
  username: "sandbox@factus.local",
  password: "sandbox-password",
} as const;

/** The same client with the seeded v2 account (enabled for Factus v2 only). */
export const emulatorV2Credentials = { ...emulatorCredentials, username: "sandbox-v2@factus.local" } as const;

/** The body of a response as JSON; when it is not JSON, an error that shows the status and the text. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert bodies field by field, with the body in the message
export async function json(response: Response): Promise<any> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`not JSON (${response.status}): ${text.slice(0, 300)}`);
  }
}

/** The JSON body of a response that must have `status`; otherwise an error that shows the body. */
// biome-ignore lint/suspicious/noExplicitAny: as json()
export async function expectStatus(response: Response, status: number): Promise<any> {
  const body = await json(response);
  if (response.status !== status)
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** The header that makes the emulator apply `fault` to this one request (see src/faults.ts for the vocabulary). */
export const faultHeaders = (fault: string) => ({ "x-emulator-fault": fault });

/** The User-Agent the kit's calls send (Factus' hosts refuse a request without one: REQUIRE_USER_AGENT). */
export const TEST_USER_AGENT = "factus-emulator-test-kit";

/**
 * `path` on `origin`, sent with `send` (a Worker's `fetch` in workerd tests), or with the global `fetch`. Sends
 * `TEST_USER_AGENT` unless `init` names a User-Agent of its own.
 */
export function caller(origin: string, send?: (request: Request) => Promise<Response>) {
  return (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (!headers.has("user-agent")) headers.set("user-agent", TEST_USER_AGENT);
    const request = new Request(`${origin}${path}`, { ...init, headers });
    // The global fetch is looked up on each call, so a test's guard around it (no unexpected calls) applies.
    return send ? send(request) : fetch(request);
  };
}

/** A Factus call's options: `body` objects are sent as JSON. */
export interface ApiInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface EmulatorTarget {
  /** The emulator's origin, e.g. vitest's `inject("emulatorUrl")` or a binding that holds it. */
  url: string;
  /** Its `EMULATOR_ADMIN_SECRET`, for the `/__emulator/*` controls (`emulatorAdminSecret` from the global setup). */
  adminSecret: string;
  /** The account (username) the controls and the password grant act on; the seeded account when absent. */
  account?: string;
  /** How requests are sent: the global `fetch` when absent; the emulator's own tests pass `exports.default.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
}

/** An emulator fault armed through `/__emulator/faults`. */
export interface ArmedFault {
  /** Requests it applies to, the next ones first (default 1). */
  times?: number;
  /** Paths it applies to, by prefix (default `/v1/`). */
  pathPrefix?: string;
}

/** Per-account behaviours a test may switch (`/__emulator/settings`). */
export interface EmulatorSettings {
  /** A create re-sending the reference of a validated document: 422 (`reject`) or that document (`return`). */
  validated_reference_resend?: "reject" | "return";
  /** Documents the subscription includes; creates past it answer 402. */
  subscription_documents?: number;
  /** v2's rounding of half a cent (V2_ROUNDING). */
  v2_rounding?: "half-up" | "half-even";
  /** A v2 create DIAN rejects: 422 with the rules (`422`), or 201 with `is_validated: false` (`201`). */
  v2_rejected_create?: "422" | "201";
  /** Whether a rejected v2 document blocks its range (409); a DIAN-slow one always does. */
  v2_rejection_blocks_range?: boolean;
  /** Whether v2's `totals.total` includes `cash_rounding_amount`. */
  v2_total_includes_cash_rounding?: boolean;
  /** v2's `errors`: keyed by rule (`object`) or a list of texts (`array`). */
  v2_errors_shape?: "object" | "array";
  /** email-content's `attached_document`: the ZIP of DIAN's e-mail (`zip`) or the AttachedDocument XML alone (`xml`). */
  email_content_attachment?: "zip" | "xml";
}

/** A numbering range as `createRange` makes it. */
export interface CreatedRange {
  id: number;
  prefix: string;
}

/**
 * One emulator (and one of its accounts) seen from a test. Every method is a plain function, so they can be
 * destructured. The controls other than `admin` throw, with the body, when the emulator refuses them.
 */
export function connectEmulator(target: EmulatorTarget) {
  const call = caller(target.url, target.fetch);

  /** An authenticated Factus call with an access token of this emulator. */
  const api = (token: string, path: string, init: ApiInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${token}`);
    headers.set("accept", "application/json");
    if (init.body !== undefined) headers.set("content-type", "application/json");
    return call(path, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  };

  /** `POST /oauth/token` with the seeded client and password for this account; `fields` replace any form field. */
  const passwordGrant = (fields: Record<string, string> = {}) =>
    call("/oauth/token", {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "password",
        client_id: emulatorCredentials.clientId,
        client_secret: emulatorCredentials.clientSecret,
        username: target.account ?? emulatorCredentials.username,
        password: emulatorCredentials.password,
        ...fields,
      }),
    });

  /** A fresh access token of this account. */
  const accessToken = async (): Promise<string> =>
    (await expectStatus(await passwordGrant(), 200)).access_token;

  /**
   * A bill range (`document` 21) created through Factus' API, as an administrator would, with a random prefix unless
   * `fields` names one. A range of a test's own keeps its numbers, blocks and counts apart from other tests'.
   */
  const createRange = async (token: string, fields: Record<string, unknown> = {}): Promise<CreatedRange> => {
    const prefix = `R${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36).toUpperCase().slice(0, 3)}`;
    const response = await api(token, "/v1/numbering-ranges", {
      method: "POST",
      body: {
        document: "21",
        prefix,
        current: 1,
        resolution_number: "18760000001",
        technical_key: `tk-${prefix}`,
        ...fields,
      },
    });
    const { data } = await expectStatus(response, 201);
    return { id: data.id, prefix: data.prefix };
  };

  const adminRequest = (method: string, path: string, body?: unknown) =>
    call(`/__emulator${path}`, {
      method,
      headers: {
        "x-emulator-admin": target.adminSecret,
        ...(target.account ? { "x-emulator-account": target.account } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  /** A raw `/__emulator/*` control for this account: GET without a body, POST with one (as JSON). */
  const admin = (path: string, body?: unknown) =>
    adminRequest(body === undefined ? "GET" : "POST", path, body);
  const control = async (path: string, body?: unknown, status = 200) =>
    expectStatus(await admin(path, body), status);

  return {
    call,
    api,
    passwordGrant,
    accessToken,
    createRange,
    admin,
    /** Arms `fault` (e.g. `status=503`, `dian-pending`) for this account's next matching requests. */
    armFault: (fault: string, options: ArmedFault = {}) =>
      control("/faults", { fault, times: options.times ?? 1, path_prefix: options.pathPrefix ?? "/v1/" }),
    /** Disarms every fault still armed for this account. */
    clearFaults: async () => expectStatus(await adminRequest("DELETE", "/faults"), 200),
    /** Moves this account's clock (token expiry, rate-limit windows, dates) by `seconds`, back when negative. */
    advanceClock: (seconds: number) => control("/clock", { advance_seconds: seconds }),
    /** Switches per-account behaviours; answers the settings it applied. */
    settings: (settings: EmulatorSettings) => control("/settings", settings),
    /** Records a RADIAN event (e.g. `030`) on a validated bill, as its acquirer's answer would. */
    /** Records the buyer's RADIAN event on a validated bill, now or `daysAgo` days back. */
    addRadianEvent: (billNumber: string, eventCode: string, daysAgo?: number) =>
      control(
        `/bills/${billNumber}/radian-events`,
        { event_code: eventCode, ...(daysAgo === undefined ? {} : { days_ago: daysAgo }) },
        201,
      ),
    /** The e-mails sent for a bill or credit note: `[{ email, … }]`. */
    emails: async (documentNumber: string): Promise<{ email: string }[]> =>
      (await control(`/emails/${documentNumber}`)).emails,
    /** How many times this account was called per "METHOD path" since its object started. */
    calls: async (): Promise<Record<string, number>> => (await control("/calls")).calls,
    /** A webhook receiver of this emulator (not Factus): its URL, what it received, how it answers. */
    webhookInbox: (name: string) => ({
      url: `${target.url}/webhook-receiver/${name}`,
      received: async (): Promise<ReceivedWebhook[]> =>
        (await expectStatus(await call(`/webhook-receiver/${name}`), 200)).received,
      /** The next `failTimes` deliveries are answered `status` (then 204 again). */
      failNext: async (failTimes: number, status = 500) =>
        expectStatus(
          await call(`/webhook-receiver/${name}/behaviour`, {
            method: "PUT",
            body: JSON.stringify({ fail_times: failTimes, status }),
          }),
          200,
        ),
    }),
    /** The same emulator as another account. */
    forAccount: (account: string) => connectEmulator({ ...target, account }),
  };
}

export type EmulatorConnection = ReturnType<typeof connectEmulator>;

/** A delivery the emulator's webhook receiver kept: its Standard Webhooks headers and exact body. */
export interface ReceivedWebhook {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
  body: string;
  answered: number;
  received_at: string;
}

/** Factus' published "advanced" bill request, on `rangeId`, with a unique reference code. */
export function exampleBill(rangeId: number, overrides: Record<string, unknown> = {}) {
  return {
    ...structuredClone(advancedBill),
    numbering_range_id: rangeId,
    reference_code: `REF-${crypto.randomUUID().slice(0, 12)}`,
    ...overrides,
  };
}

/** A NIT customer (a company) for `exampleBill`; `dv` decides whether DIAN accepts it (8 is right for 900123456). */
export const nitCustomer = (dv: string) => ({
  ...structuredClone(advancedBill.customer),
  identification_document_id: 6,
  identification: "900123456",
  dv,
  company: "Acme Corporation S.A.S.",
  names: "",
  legal_organization_id: "1",
});

/**
 * Factus v2's published bill request (facturas/crear-y-validar: 70,000 + 19 % IVA, paid 83,300), for the account's
 * only active bill range (the example's `numbering_range_id` 389 is Factus' own), with a unique reference code.
 */
export function exampleV2Bill(overrides: Record<string, unknown> = {}) {
  const { numbering_range_id: _published, ...bill } = structuredClone(v2Bill);
  return { ...bill, reference_code: `REF-${crypto.randomUUID().slice(0, 12)}`, ...overrides };
}
