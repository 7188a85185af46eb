import type { TokenSource } from "./core";
import type { FactusApiVersion } from "./errors";

/** Factus' public hosts. */
export const FACTUS_ENVIRONMENTS = {
  sandbox: "https://api-sandbox.factus.com.co",
  production: "https://api.factus.com.co",
} as const;

export type FactusEnvironment = keyof typeof FACTUS_ENVIRONMENTS;

/** OAuth client credentials, plus the account's when the client should log in by itself. */
export interface FactusCredentials {
  clientId: string;
  clientSecret: string;
  /** Account e-mail: with `password`, the client gets, caches and refreshes tokens itself. */
  username?: string;
  password?: string;
}

/** The `apiVersion` option: a Factus API version, or `"auto"` to learn each account's. */
export type FactusApiVersionOption = FactusApiVersion | "auto";

export interface FactusClientOptions {
  /**
   * Which Factus API the accounts use. Factus enables v1 or v2 per company, and a token opens only its company's.
   * `"auto"` (the default) learns each token's version from its first call, at most one extra call per token, and
   * remembers it (by a SHA-256 of the token, for the last 1,000 tokens). `"v1"` or `"v2"` pins it.
   *
   * Left out, it behaves as `"auto"` but keeps 0.1's types: reads whose answer differs by version (bills, credit
   * notes, the current subscription) return v1 shapes only and refuse a v2 account with FactusVersionError. Pass it
   * (`"auto"` too) to get either version's answers, typed as a union discriminated by `apiVersion`.
   */
  apiVersion?: FactusApiVersionOption;
  /** Base URL; overrides `environment`. Use it for the emulator (`http://127.0.0.1:8788`). */
  baseURL?: string;
  /** `"sandbox"` (default) or `"production"`. */
  environment?: FactusEnvironment;
  /** A Factus access token used on every call (what a gateway forwards for its caller). */
  accessToken?: string;
  /** OAuth credentials: needed for the `auth` grants, and for automatic tokens when they include the account. */
  credentials?: FactusCredentials;
  /** Per-attempt timeout in milliseconds. Default 30,000. */
  timeout?: number;
  /** Retries of safe requests (GET/HEAD) on 408/429/5xx/connection errors/timeouts. Default 2. */
  maxRetries?: number;
  /** Upper bound of one backoff wait, in milliseconds (Retry-After above it is not waited for). Default 8,000. */
  maxRetryDelay?: number;
  /** The fetch to use, called unbound. Default: the global fetch. */
  fetch?: typeof fetch;
  /**
   * Headers sent with every request. A `User-Agent` here replaces the client's own (`factus-edge-client/<version>`);
   * an empty one does not remove it, since Factus' v2 hosts refuse requests without one.
   */
  defaultHeaders?: Record<string, string>;
}

/** Options of a single call. */
export interface RequestOptions {
  /** Cancels the call; the client throws FactusAbortError. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call, in milliseconds. */
  timeout?: number;
  /** Overrides the client's retries for this call. */
  maxRetries?: number;
  /** Access token for this call only (e.g. the caller's X-Factus-Token in a gateway). */
  accessToken?: string;
  /**
   * Tokens for this call only, from a source that can renew them (a gateway's stored connection): on a 401 the client
   * calls its `invalidate` and re-sends once with the token it gives next, as with `credentials`.
   */
  tokens?: TokenSource;
  /** The account's API version, when the caller already knows it: this call skips detection and goes there. */
  apiVersion?: FactusApiVersion;
  /** Request id sent as X-Request-Id and carried by errors. Default: a new UUID. */
  requestId?: string;
  /** Headers of this call only, over `defaultHeaders` (a `User-Agent` here replaces the client's own). */
  headers?: Record<string, string>;
  /**
   * Skip checking the request body against Factus' rules before sending, when the caller has just parsed it with the
   * contracts' own schema (a gateway validating with `CreateInvoiceRequest`). Default false.
   */
  prevalidated?: boolean;
}
