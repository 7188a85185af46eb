import type * as z from "zod";
import { errorFromResponse, parseRetryAfter } from "./error-mapping";
import {
  FactusAbortError,
  FactusAuthenticationError,
  FactusConnectionError,
  FactusError,
  FactusInvalidRequestError,
  FactusInvalidResponseError,
  FactusRateLimitError,
  FactusServerError,
  FactusTimeoutError,
} from "./errors";
import { FACTUS_ENVIRONMENTS, type FactusClientOptions, type RequestOptions } from "./options";
import { DEFAULT_USER_AGENT } from "./version";

export interface HttpRequest {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  /** OAuth calls authenticate with client credentials in the body, not a bearer token. */
  anonymous?: boolean;
}

/** Supplies bearer tokens; `invalidate` is called when Factus answers 401 to one. */
export interface TokenSource {
  token(options: RequestOptions): Promise<string | undefined>;
  invalidate?(token: string): void;
}

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || status >= 500;
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** Transport of the client: URL building, timeouts, retries, error mapping and response parsing. */
export class HttpCore {
  readonly baseURL: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeout: number;
  private readonly maxRetries: number;
  private readonly maxRetryDelay: number;
  private readonly defaultHeaders: Record<string, string>;
  tokens: TokenSource | undefined;

  constructor(options: FactusClientOptions) {
    this.baseURL = (options.baseURL ?? FACTUS_ENVIRONMENTS[options.environment ?? "sandbox"]).replace(
      /\/+$/,
      "",
    );
    const fetchImpl = options.fetch ?? globalThis.fetch;
    // Called unbound on purpose: some runtimes' fetch throws "Illegal invocation" when called as a method.
    this.fetchImpl = (input, init) => fetchImpl(input, init);
    this.timeout = options.timeout ?? 30_000;
    this.maxRetries = options.maxRetries ?? 2;
    this.maxRetryDelay = options.maxRetryDelay ?? 8_000;
    this.defaultHeaders = options.defaultHeaders ?? {};
  }

  /** Validates `input` with `schema` before anything is sent. */
  prepare<S extends z.ZodType>(schema: S, input: unknown, options: RequestOptions = {}): z.output<S> {
    if (options.prevalidated) return input as z.output<S>;
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    const issues = result.error.issues.map((issue) => ({
      field: issue.path.join("."),
      messages: [issue.message],
    }));
    throw new FactusInvalidRequestError("The request does not satisfy Factus' rules", {
      requestId: options.requestId ?? "",
      issues,
    });
  }

  /** Sends a request and parses a 2xx body with `schema`. */
  async request<S extends z.ZodType>(
    request: HttpRequest,
    schema: S,
    options: RequestOptions = {},
  ): Promise<z.output<S>> {
    const requestId = options.requestId ?? crypto.randomUUID();
    const { body, headers } = await this.send(request, options, requestId);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new FactusInvalidResponseError(
        `Factus answered an unexpected shape at ${issue?.path.join(".") || "the root"}: ${issue?.message}`,
        {
          status: 200,
          body,
          headers,
          requestId,
        },
      );
    }
    return parsed.data;
  }

  private async send(request: HttpRequest, options: RequestOptions, requestId: string) {
    const safe = request.method === "GET";
    const maxRetries = safe ? (options.maxRetries ?? this.maxRetries) : 0;
    let authRetried = false;
    for (let attempt = 0; ; attempt++) {
      const tokens = options.tokens ?? this.tokens;
      const token = request.anonymous ? undefined : (options.accessToken ?? (await tokens?.token(options)));
      try {
        return await this.attempt(request, options, requestId, token);
      } catch (error) {
        // A 401 means Factus did nothing, so even a create may be re-sent once with a fresh token.
        if (
          error instanceof FactusAuthenticationError &&
          token &&
          !options.accessToken &&
          tokens?.invalidate &&
          !authRetried
        ) {
          authRetried = true;
          tokens.invalidate(token);
          attempt--;
          continue;
        }
        const delay = attempt < maxRetries ? this.retryDelay(error, attempt) : undefined;
        if (delay === undefined) throw error;
        await sleep(delay, options.signal).catch(() => {
          throw new FactusAbortError("The request was aborted", { requestId });
        });
      }
    }
  }

  /** How long to wait before retrying after `error`, or undefined when it must not be retried. */
  private retryDelay(error: unknown, attempt: number): number | undefined {
    const retryable =
      error instanceof FactusConnectionError ||
      error instanceof FactusTimeoutError ||
      (error instanceof FactusError && error.status !== undefined && RETRYABLE_STATUS(error.status));
    if (!retryable) return undefined;
    const backoff = Math.min(this.maxRetryDelay, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.25);
    if (error instanceof FactusRateLimitError && error.retryAfter !== undefined) {
      const wait = error.retryAfter * 1000;
      return wait <= this.maxRetryDelay ? wait : undefined;
    }
    const header =
      error instanceof FactusServerError
        ? parseRetryAfter(error.headers?.get("retry-after") ?? null)
        : undefined;
    return header !== undefined && header * 1000 <= this.maxRetryDelay ? header * 1000 : backoff;
  }

  private url(request: HttpRequest) {
    const url = new URL(`${this.baseURL}${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
    }
    return url;
  }

  private async attempt(
    request: HttpRequest,
    options: RequestOptions,
    requestId: string,
    token: string | undefined,
  ) {
    const headers = new Headers({ accept: "application/json", "user-agent": DEFAULT_USER_AGENT });
    // One by one, so that a caller's "User-Agent" replaces ours instead of joining it ("a, b").
    for (const [name, value] of Object.entries({ ...this.defaultHeaders, ...options.headers }))
      headers.set(name, value);
    if (!headers.get("user-agent")?.trim()) headers.set("user-agent", DEFAULT_USER_AGENT);
    headers.set("x-request-id", requestId);
    if (token) headers.set("authorization", `Bearer ${token}`);
    let body: string | undefined;
    if (request.form) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(request.form).toString();
    } else if (request.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(request.json);
    }

    const timeout = AbortSignal.timeout(options.timeout ?? this.timeout);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const fail = (error: unknown, response?: Response): never => {
      if (options.signal?.aborted)
        throw new FactusAbortError("The request was aborted", { requestId, cause: error });
      if (timeout.aborted) {
        throw new FactusTimeoutError(`Factus did not answer within ${options.timeout ?? this.timeout} ms`, {
          requestId,
          cause: error,
        });
      }
      throw new FactusConnectionError("Could not reach Factus or the connection broke", {
        status: response?.status,
        requestId,
        cause: error,
      });
    };

    let response: Response;
    let text: string;
    try {
      // A redirect is never followed: it would carry the bearer token to wherever Factus (or a proxy) points.
      response = await this.fetchImpl(this.url(request), {
        method: request.method,
        headers,
        body,
        signal,
        redirect: "manual",
      });
    } catch (error) {
      return fail(error);
    }
    try {
      text = await response.text();
    } catch (error) {
      return fail(error, response);
    }

    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      if (response.ok) {
        throw new FactusInvalidResponseError("Factus answered with a body that is not JSON", {
          status: response.status,
          body: text.slice(0, 2000),
          headers: response.headers,
          requestId,
        });
      }
      json = text.slice(0, 2000);
    }
    if (!response.ok) {
      throw errorFromResponse(response.status, json, response.headers, requestId, request.path);
    }
    return { body: json, headers: response.headers };
  }
}
