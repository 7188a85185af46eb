import { ApiVersions } from "./api-version";
import { HttpCore } from "./core";
import type { FactusApiVersion } from "./errors";
import type { FactusApiVersionOption, FactusClientOptions, RequestOptions } from "./options";
import { AuthResource } from "./resources/auth";
import type { BillsResource } from "./resources/bills";
import type { CatalogsResource, CompanyResource, SubscriptionsResource } from "./resources/catalogs";
import type { CreditNotesResource } from "./resources/credit-notes";
import type { DebitNotesResource } from "./resources/debit-notes";
import type { NumberingRangesResource } from "./resources/numbering-ranges";
import type { AdjustmentNotesResource, SupportDocumentsResource } from "./resources/support-documents";
import { TokenManager } from "./token-manager";

/**
 * A resource whose module loads on its first call. Each resource module builds the zod schemas of Factus' answers it
 * parses (both versions') when it loads: loaded on demand, a client that only issues invoices never builds the
 * support documents' schemas, and creating a client costs nothing (a Worker builds one before its first request).
 * Every public method of a resource is async, so forwarding each call after the load changes no signature.
 */
function onFirstCall<R extends object>(load: () => Promise<R>): R {
  let loading: Promise<R> | undefined;
  const resource = () => {
    loading ??= load().catch((error) => {
      loading = undefined; // a failed load is tried again by the next call
      throw error;
    });
    return loading;
  };
  return new Proxy({} as R, {
    get(_, method) {
      // Not a thenable, not an iterable: only the resource's methods are forwarded.
      if (typeof method !== "string" || method === "then") return undefined;
      return async (...args: unknown[]) => {
        const target = await resource();
        return (target[method as keyof R] as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * Typed client of the Factus API, v1 and v2. Two ways to authenticate: an access token (client-wide, or per call
 * with `{ accessToken }`), or `credentials` with the account's username and password, in which case the client
 * gets, caches and refreshes tokens itself. Every resource serves both API versions (see `apiVersion`); `V` is that
 * option as given (`undefined` when left out), which types the reads whose answer differs by version.
 *
 * @example
 * const factus = new FactusClient({ baseURL: "http://127.0.0.1:8788", accessToken, apiVersion: "auto" });
 * const bill = await factus.bills.get("SETP990000001");
 * if (bill.apiVersion === "v2") console.log(bill.is_validated, bill.totals.total);
 */
export class FactusClient<V extends FactusApiVersionOption | undefined = undefined> {
  readonly auth: AuthResource;
  readonly bills: BillsResource<V>;
  readonly creditNotes: CreditNotesResource<V>;
  /** Factus v2 only. */
  readonly debitNotes: DebitNotesResource;
  /** Support documents: purchases from sellers who do not invoice (v1 and v2). */
  readonly supportDocuments: SupportDocumentsResource<V>;
  /** Adjustment notes of support documents (v1 and v2). */
  readonly adjustmentNotes: AdjustmentNotesResource<V>;
  readonly numberingRanges: NumberingRangesResource;
  readonly catalogs: CatalogsResource;
  readonly company: CompanyResource<V>;
  readonly subscriptions: SubscriptionsResource<V>;
  readonly baseURL: string;
  private readonly versions: ApiVersions;

  constructor(options: FactusClientOptions & { apiVersion?: V } = {}) {
    const http = new HttpCore(options);
    this.baseURL = http.baseURL;
    this.auth = new AuthResource(http, options.credentials);
    const { credentials, accessToken } = options;
    if (accessToken) {
      http.tokens = { token: async () => accessToken };
    } else if (credentials?.username && credentials.password) {
      http.tokens = new TokenManager(this.auth, {
        ...credentials,
        username: credentials.username,
        password: credentials.password,
      });
    }
    const versions = new ApiVersions(http, options.apiVersion);
    this.versions = versions;
    this.bills = onFirstCall(
      async () => new (await import("./resources/bills")).BillsResource<V>(http, versions),
    );
    this.creditNotes = onFirstCall(
      async () => new (await import("./resources/credit-notes")).CreditNotesResource<V>(http, versions),
    );
    this.debitNotes = onFirstCall(
      async () => new (await import("./resources/debit-notes")).DebitNotesResource(http, versions),
    );
    const support = () => import("./resources/support-documents");
    this.supportDocuments = onFirstCall(
      async () => new (await support()).SupportDocumentsResource<V>(http, versions),
    );
    this.adjustmentNotes = onFirstCall(
      async () => new (await support()).AdjustmentNotesResource<V>(http, versions),
    );
    this.numberingRanges = onFirstCall(
      async () => new (await import("./resources/numbering-ranges")).NumberingRangesResource(http, versions),
    );
    const catalogs = () => import("./resources/catalogs");
    this.catalogs = onFirstCall(async () => new (await catalogs()).CatalogsResource(http, versions));
    this.company = onFirstCall(async () => new (await catalogs()).CompanyResource<V>(http, versions));
    this.subscriptions = onFirstCall(
      async () => new (await catalogs()).SubscriptionsResource<V>(http, versions),
    );
  }

  /**
   * The API version of the account behind the call's token (or the client's): the pinned one, the one learnt from
   * an earlier call, or asked of Factus once per token (`GET /v2/numbering-ranges`). A gateway calls it to choose
   * between `bills.create` (v1 request) and `bills.createV2`.
   */
  apiVersionOf(options: RequestOptions = {}): Promise<FactusApiVersion> {
    return this.versions.accountVersion(options);
  }
}
