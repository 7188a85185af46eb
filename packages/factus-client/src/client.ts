import { ApiVersions } from "./api-version";
import { HttpCore } from "./core";
import type { FactusApiVersion } from "./errors";
import type { FactusApiVersionOption, FactusClientOptions, RequestOptions } from "./options";
import { AuthResource } from "./resources/auth";
import { BillsResource } from "./resources/bills";
import { CatalogsResource, CompanyResource, SubscriptionsResource } from "./resources/catalogs";
import { CreditNotesResource } from "./resources/credit-notes";
import { DebitNotesResource } from "./resources/debit-notes";
import { NumberingRangesResource } from "./resources/numbering-ranges";
import { AdjustmentNotesResource, SupportDocumentsResource } from "./resources/support-documents";
import { TokenManager } from "./token-manager";

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
    this.bills = new BillsResource(http, versions);
    this.creditNotes = new CreditNotesResource(http, versions);
    this.debitNotes = new DebitNotesResource(http, versions);
    this.supportDocuments = new SupportDocumentsResource(http, versions);
    this.adjustmentNotes = new AdjustmentNotesResource(http, versions);
    this.numberingRanges = new NumberingRangesResource(http, versions);
    this.catalogs = new CatalogsResource(http, versions);
    this.company = new CompanyResource(http, versions);
    this.subscriptions = new SubscriptionsResource(http, versions);
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
