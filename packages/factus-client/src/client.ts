import { HttpCore } from "./core";
import type { FactusClientOptions } from "./options";
import { AuthResource } from "./resources/auth";
import { BillsResource } from "./resources/bills";
import { CatalogsResource, CompanyResource, SubscriptionsResource } from "./resources/catalogs";
import { CreditNotesResource } from "./resources/credit-notes";
import { NumberingRangesResource } from "./resources/numbering-ranges";
import { TokenManager } from "./token-manager";

/**
 * Typed client of the Factus v1 API. Two ways to authenticate: an access token (client-wide, or per call with
 * `{ accessToken }`), or `credentials` with the account's username and password, in which case the client gets,
 * caches and refreshes tokens itself.
 *
 * @example
 * const factus = new FactusClient({ baseURL: "http://127.0.0.1:8788", accessToken });
 * const bill = await factus.bills.create({ reference_code: "INV-1", customer, items });
 */
export class FactusClient {
  readonly auth: AuthResource;
  readonly bills: BillsResource;
  readonly creditNotes: CreditNotesResource;
  readonly numberingRanges: NumberingRangesResource;
  readonly catalogs: CatalogsResource;
  readonly company: CompanyResource;
  readonly subscriptions: SubscriptionsResource;
  readonly baseURL: string;

  constructor(options: FactusClientOptions = {}) {
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
    this.bills = new BillsResource(http);
    this.creditNotes = new CreditNotesResource(http);
    this.numberingRanges = new NumberingRangesResource(http);
    this.catalogs = new CatalogsResource(http);
    this.company = new CompanyResource(http);
    this.subscriptions = new SubscriptionsResource(http);
  }
}
