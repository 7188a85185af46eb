import * as z from "zod";
import type { HttpCore } from "./core";
import {
  FactusAbortError,
  type FactusApiVersion,
  FactusConflictError,
  FactusNotFoundError,
  FactusValidationError,
  FactusVersionError,
  FactusVersionMismatchError,
} from "./errors";
import type { FactusApiVersionOption, RequestOptions } from "./options";

// Which Factus API version a call goes to. Factus enables v1 or v2 per company and answers 403 "Version de API no
// disponible para esta empresa" on the other version's paths (SPEC §7), so with `apiVersion: "auto"` the client
// learns each account's version from its first call and remembers it per token.

/** Tokens remembered per client; past it the least recently used is forgotten (and learnt again if it returns). */
export const MAX_REMEMBERED_TOKENS = 1000;

/** Why a read refuses a v2 account on a client whose `apiVersion` option was left out. */
export const V1_TYPED =
  "0.1's v1 types are kept when the client's `apiVersion` option is left out; build it with apiVersion: \"auto\" to read v2 documents";

/** One operation on each API version; a version without an entry has no such operation (or request shape). */
export type PerVersion<T> = Partial<Record<FactusApiVersion, () => Promise<T>>>;

const OTHER = { v1: "v2", v2: "v1" } as const;

/** How long a call waits for its token's first call to teach the version, before guessing by itself. */
export const FIRST_CALL_WAIT_MS = 5_000;

/**
 * Whether a failed call still shows the account's version: Factus refused the document itself (a 409 pending
 * document, a 422), which it does only past the version check. 401, 404, 429 and 5xx say nothing about it.
 */
const showsVersion = (error: unknown) =>
  error instanceof FactusConflictError || error instanceof FactusValidationError;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The client's API-version routing: pinned, given per call, or learnt per token (`"auto"`). */
export class ApiVersions {
  /** Account version by SHA-256 of the token (never the token), least recently used first. */
  private readonly known = new Map<string, FactusApiVersion>();
  /** Tokens whose first call is in flight: later calls wait for it instead of guessing too. */
  private readonly learning = new Map<string, Promise<void>>();
  /** Where an unknown token's first call goes: the version this client learnt last (v1 at first). */
  private guess: FactusApiVersion = "v1";
  readonly setting: FactusApiVersionOption;
  /**
   * True when the client's `apiVersion` option was left out: reads whose answer differs by version keep 0.1's v1
   * types, so they refuse a v2 account (FactusVersionError) instead of returning a shape their type does not say.
   */
  private readonly v1Typed: boolean;

  constructor(
    private readonly http: HttpCore,
    option: FactusApiVersionOption | undefined,
  ) {
    this.setting = option ?? "auto";
    this.v1Typed = option === undefined;
  }

  /**
   * Runs `operation` on the account's version. A token seen before goes straight to its version; a new one's first
   * call goes to the likelier version, and when Factus answers the version 403 (nothing was done) the call is sent
   * again to the other version, if it has one. So learning costs at most one extra call per token.
   */
  async run<T>(operation: string, options: RequestOptions, impls: PerVersion<T>, hint = ""): Promise<T> {
    if (!impls.v1 && !impls.v2) {
      throw new FactusVersionError(`${operation} is not available${hint ? `: ${hint}` : ""}`, {
        requestId: options.requestId ?? "",
        accountVersion: undefined,
      });
    }
    const fixed = this.fixed(options);
    if (fixed) return this.on(fixed, operation, options, impls, hint);
    const key = await this.keyOf(options);
    const known = key && (this.recall(key) ?? (await this.waitForFirstCall(key, options)));
    if (known) return this.on(known, operation, options, impls, hint, key);

    // This call teaches the client the token's version; calls that come meanwhile wait for it. One whose outcome
    // says nothing (a 5xx, a timeout) releases them to go on at once: a Factus outage must not queue them up.
    const guess = impls[this.guess] ? this.guess : OTHER[this.guess];
    let release = () => {};
    const leads = key !== undefined && !this.learning.has(key);
    if (leads) this.learning.set(key, new Promise<void>((resolve) => (release = resolve)));
    let learnt: FactusApiVersion | undefined;
    try {
      const result = await this.on(guess, operation, options, impls, hint);
      this.learn(key, guess);
      return result;
    } catch (error) {
      if (error instanceof FactusVersionMismatchError && error.accountVersion) {
        learnt = error.accountVersion;
        this.learn(key, learnt);
        if (!impls[learnt]) throw error;
      } else {
        if (showsVersion(error)) this.learn(key, guess);
        throw error;
      }
    } finally {
      if (leads) this.learning.delete(key);
      release();
    }
    return this.on(learnt, operation, options, impls, hint);
  }

  /**
   * `run` for a read whose answer differs by version. A client that keeps 0.1's types (`apiVersion` left out) drops
   * the v2 entry, so it refuses a v2 account instead of answering a shape its type does not say.
   */
  runTyped<T>(operation: string, options: RequestOptions, impls: PerVersion<T>, hint?: string): Promise<T> {
    if (!this.v1Typed) return this.run(operation, options, impls, hint);
    return this.run(operation, options, { v1: impls.v1 }, hint ?? V1_TYPED);
  }

  /**
   * The account's API version: pinned, given per call, remembered, or asked of Factus once per token with
   * `GET /v2/numbering-ranges` (200: v2; the version 403: v1; 404, a host without v2 routes: v1).
   */
  async accountVersion(options: RequestOptions = {}): Promise<FactusApiVersion> {
    const fixed = this.fixed(options);
    if (fixed) return fixed;
    const key = await this.keyOf(options);
    const known = key && this.recall(key);
    if (known) return known;
    const probe = () =>
      this.http.request({ method: "GET", path: "/v2/numbering-ranges" }, z.unknown(), options);
    try {
      await this.run("accountVersion", options, { v2: probe });
      return "v2";
    } catch (error) {
      if (error instanceof FactusVersionError && error.accountVersion === "v1") return "v1";
      if (!(error instanceof FactusNotFoundError)) throw error;
      this.learn(key, "v1");
      return "v1";
    }
  }

  /** The version a call's options or the client's setting impose, if any. */
  private fixed(options: RequestOptions): FactusApiVersion | undefined {
    return options.apiVersion ?? (this.setting === "auto" ? undefined : this.setting);
  }

  /** Runs the operation's `version` entry; refused before sending when it has none. */
  private async on<T>(
    version: FactusApiVersion,
    operation: string,
    options: RequestOptions,
    impls: PerVersion<T>,
    hint: string,
    key?: string,
  ): Promise<T> {
    const impl = impls[version];
    if (!impl) {
      throw new FactusVersionError(
        `${operation} is not available on this Factus account, which uses API ${version}${hint ? `: ${hint}` : ""}`,
        { requestId: options.requestId ?? "", accountVersion: version },
      );
    }
    try {
      return await impl();
    } catch (error) {
      // A remembered version gone stale (the company was moved to the other version): relearn, re-send once.
      const moved = error instanceof FactusVersionMismatchError ? error.accountVersion : undefined;
      if (!key || !moved || moved === version) throw error;
      this.learn(key, moved);
      const other = impls[moved];
      if (!other) throw error;
      return other();
    }
  }

  /**
   * Waits for the token's first call in flight, if any (or the caller's abort), and answers what it taught. Never
   * longer than FIRST_CALL_WAIT_MS: on Workers a call belongs to the request that made it, and a request that ends
   * first takes its call with it (it never settles), so a wait without end could hang every later call of the token.
   */
  private async waitForFirstCall(
    key: string,
    options: RequestOptions,
  ): Promise<FactusApiVersion | undefined> {
    const pending = this.learning.get(key);
    if (!pending) return undefined;
    const { signal } = options;
    await new Promise<void>((resolve, reject) => {
      const abort = () =>
        reject(new FactusAbortError("The request was aborted", { requestId: options.requestId ?? "" }));
      if (signal?.aborted) return abort();
      signal?.addEventListener("abort", abort, { once: true });
      const timer = setTimeout(done, FIRST_CALL_WAIT_MS);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", abort);
        resolve();
      }
      void pending.then(done);
    });
    return this.recall(key);
  }

  private async keyOf(options: RequestOptions): Promise<string | undefined> {
    const token = options.accessToken ?? (await (options.tokens ?? this.http.tokens)?.token(options));
    return token ? sha256Hex(token) : undefined;
  }

  private recall(key: string): FactusApiVersion | undefined {
    const version = this.known.get(key);
    if (version) {
      this.known.delete(key);
      this.known.set(key, version);
    }
    return version;
  }

  private learn(key: string | undefined, version: FactusApiVersion) {
    this.guess = version;
    if (!key) return;
    this.known.delete(key);
    this.known.set(key, version);
    if (this.known.size > MAX_REMEMBERED_TOKENS) this.known.delete(this.known.keys().next().value!);
  }
}
