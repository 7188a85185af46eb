import { EdgeApiError, type ErrorBody } from "./errors";
import type { paths } from "./generated/openapi";

export interface EdgeClientOptions {
  /** Where the gateway is: its origin, e.g. `https://facturas.example.com` (the operations carry `/api/v1`). */
  baseUrl: string;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** A local token you already hold; otherwise `login` stores one. */
  accessToken?: string;
  /**
   * An API key (`fek_…`, from `POST /api/v1/api-keys`): a system's way in. With it no `login` and no `factusLogin` are
   * needed: the key's stored Factus connection supplies the Factus token. It reaches documents, lists, lookups and
   * company reads, within its scopes.
   */
  apiKey?: string;
  /** A stored Factus connection (`fc_…`) to act through instead of a Factus token, with a logged-in user. */
  factusConnection?: string;
  /**
   * Supplies the Factus token of each call that needs one, when your app keeps it elsewhere. Default: the session
   * `factusLogin` stored.
   */
  factusToken?: () => string | undefined | Promise<string | undefined>;
  /**
   * Called once when the gateway refuses the Factus token (401 `FACTUS_UNAUTHENTICATED`); the token it returns is
   * stored in the session and the call repeated. Default: `factusRefresh` with the refresh token `factusLogin`
   * stored.
   */
  refreshFactusToken?: (client: EdgeClient) => Promise<string | undefined>;
  /** Retries of reads and of creates (with the same Idempotency-Key) after a lost answer, 429, 503 or 504. */
  maxRetries?: number;
  /** The longest wait before a retry, in ms; a longer Retry-After is not waited for but thrown. */
  maxRetryDelay?: number;
}

export interface EdgeClient {
  readonly options: EdgeClientOptions;
  /** Tokens the client stored from `login`, `factusLogin` and `factusRefresh`. */
  session: { accessToken?: string; factus?: { accessToken: string; refreshToken: string } };
}

export interface CallOptions {
  /** For creates: your own key (one per business operation, e.g. per form submission); by default one per call. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** What the generated operations tell `send` about themselves (read from the OpenAPI document). */
export interface CallSpec {
  method: string;
  path: string;
  bearer?: boolean;
  factus?: boolean;
  idempotent?: boolean;
  /** A non-JSON success type (application/pdf…): the call answers its bytes. */
  accept?: string;
  /** The answer is a session to keep: the local token or the Factus one. */
  stores?: "local" | "factus";
}

type Scalar = string | number | boolean;
interface CallParams {
  path?: Record<string, Scalar>;
  query?: Record<string, Scalar | undefined>;
  body?: unknown;
}

export function createEdgeClient(options: EdgeClientOptions): EdgeClient {
  return { options, session: options.accessToken ? { accessToken: options.accessToken } : {} };
}

// Answers worth another try of a call that is safe to repeat: the gateway was busy or lost track of Factus.
const RETRYABLE_CODES = new Set([
  "RATE_LIMITED",
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_TIMEOUT",
  "FACTUS_OUTCOME_UNKNOWN",
  "IDEMPOTENCY_IN_PROGRESS",
  "LOGIN_UNAVAILABLE",
]);

function buildUrl(baseUrl: string, spec: CallSpec, params: CallParams): string {
  const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params.path?.[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${spec.path}`);
    return encodeURIComponent(String(value));
  });
  const url = new URL(path, baseUrl);
  for (const [key, value] of Object.entries(params.query ?? {}))
    if (value !== undefined) url.searchParams.set(key, String(value));
  return url.href;
}

async function toError(response: Response): Promise<EdgeApiError> {
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  const text = await response.text();
  try {
    const envelope = JSON.parse(text) as { message?: string; error?: ErrorBody };
    if (envelope.error?.code)
      return new EdgeApiError(response.status, envelope.message ?? envelope.error.code, envelope.error, {
        retryAfter,
      });
  } catch {}
  // Not the gateway's envelope (a proxy in between): keep the status, say what it was.
  return new EdgeApiError(
    response.status,
    `Respuesta inesperada (${response.status})`,
    { code: "UNEXPECTED_RESPONSE", request_id: response.headers.get("x-request-id") ?? "" },
    { retryAfter },
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The default refresh: the stored refresh token through the gateway's `/auth/factus/refresh`. */
async function refreshStoredFactusToken(client: EdgeClient): Promise<string | undefined> {
  const refreshToken = client.session.factus?.refreshToken;
  if (!refreshToken) return undefined;
  // `satisfies`: the compiler refuses this if the document loses the route (the generated `factusRefresh` cannot
  // be imported here: the generated operations import this module).
  const path = "/api/v1/auth/factus/refresh" satisfies keyof paths;
  const spec: CallSpec = { method: "POST", path, bearer: true, stores: "factus" };
  await send(client, spec, { body: { refresh_token: refreshToken } });
  return client.session.factus?.accessToken;
}

async function headersFor(client: EdgeClient, spec: CallSpec, params: CallParams, key: string | undefined) {
  const headers = new Headers({ accept: spec.accept ?? "application/json" });
  const { apiKey, factusConnection } = client.options;
  if (apiKey) headers.set("authorization", `Bearer ${apiKey}`);
  else if (spec.bearer && client.session.accessToken)
    headers.set("authorization", `Bearer ${client.session.accessToken}`);
  if (spec.factus && factusConnection && !apiKey) headers.set("x-factus-connection", factusConnection);
  else if (spec.factus && !apiKey) {
    const token = client.options.factusToken
      ? await client.options.factusToken()
      : client.session.factus?.accessToken;
    if (token) headers.set("x-factus-token", token);
  }
  if (key) headers.set("idempotency-key", key);
  if (params.body !== undefined) headers.set("content-type", "application/json");
  return headers;
}

async function readSuccess<T>(client: EdgeClient, spec: CallSpec, response: Response): Promise<T> {
  if (spec.accept) return new Uint8Array(await response.arrayBuffer()) as T;
  const { data } = (await response.json()) as { data: T };
  if (spec.stores === "local") client.session.accessToken = (data as { access_token: string }).access_token;
  if (spec.stores === "factus") {
    const session = data as { access_token: string; refresh_token: string };
    client.session.factus = { accessToken: session.access_token, refreshToken: session.refresh_token };
  }
  return data;
}

/**
 * One call of the API: the tokens it needs, an Idempotency-Key on creates (the same on each of its retries), the
 * `{ message, data }` envelope unwrapped, every failure an `EdgeApiError`.
 */
export async function send<T>(
  client: EdgeClient,
  spec: CallSpec,
  params: CallParams,
  options: CallOptions = {},
): Promise<T> {
  const { fetch: fetchImpl = globalThis.fetch, maxRetries = 2, maxRetryDelay = 5_000 } = client.options;
  const url = buildUrl(client.options.baseUrl, spec, params);
  const key = spec.idempotent ? (options.idempotencyKey ?? crypto.randomUUID()) : undefined;
  const repeatable = spec.method === "GET" || key !== undefined;
  const body = params.body === undefined ? undefined : JSON.stringify(params.body);
  let refreshed = false;
  let retries = 0;
  for (;;) {
    const init = { method: spec.method, headers: await headersFor(client, spec, params, key), body };
    let error: EdgeApiError;
    try {
      const response = await fetchImpl(url, { ...init, signal: options.signal ?? null });
      if (response.ok) return await readSuccess<T>(client, spec, response);
      error = await toError(response);
    } catch (cause) {
      if (cause instanceof EdgeApiError || options.signal?.aborted) throw cause;
      error = new EdgeApiError(
        0,
        "No hubo respuesta del servidor",
        { code: "NETWORK_ERROR", request_id: "" },
        { cause },
      );
    }
    if (spec.factus && error.code === "FACTUS_UNAUTHENTICATED" && !refreshed) {
      refreshed = true;
      const token = await (client.options.refreshFactusToken ?? refreshStoredFactusToken)(client).catch(
        () => undefined,
      );
      if (token) {
        client.session.factus = {
          accessToken: token,
          refreshToken: client.session.factus?.refreshToken ?? "",
        };
        continue;
      }
    }
    const retryable = error.status === 0 || RETRYABLE_CODES.has(error.code);
    const wait = error.retryAfter !== undefined ? error.retryAfter * 1000 : 250 * 2 ** retries;
    if (!repeatable || !retryable || retries >= maxRetries || wait > maxRetryDelay) throw error;
    retries++;
    await sleep(wait);
  }
}
