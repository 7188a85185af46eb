import type { EmulatorConfig } from "../config";
import type { Store } from "../store/store";
import { type ApiVersion, apiVersionOf, type Company, companyOf } from "./company";

/**
 * Behaviours an account's tests may switch (`/__emulator/settings`), each defaulting to its variable: what
 * integrators report both ways, and where Factus v2's docs allow two readings (see EmulatorConfig).
 */
export type AccountSettings = Pick<
  EmulatorConfig,
  | "validatedReferenceResend"
  | "subscriptionDocuments"
  | "v2Rounding"
  | "v2RejectedCreate"
  | "v2RejectionBlocksRange"
  | "v2TotalIncludesCashRounding"
  | "v2ErrorsShape"
  | "emailContentAttachment"
>;

/** An armed fault: applied to the next `remaining` requests whose path starts with `pathPrefix`. */
export interface ArmedFault {
  fault: string;
  remaining: number;
  pathPrefix: string;
}

/**
 * The emulated account: its storage, its configuration, and the little in-memory state a Factus server keeps per
 * process (rate-limit windows, armed test faults, a test clock offset). That memory resets on restart on purpose.
 */
export class Account {
  private clockOffsetMs = 0;
  private readonly windows = new Map<string, { start: number; count: number }>();
  readonly armedFaults: ArmedFault[] = [];
  /** Headers of the last /v1 request, for tests that check what a gateway forwards (test mode only). */
  lastRequestHeaders: Record<string, string> = {};
  /** Calls per "METHOD path" since the object started (test control: counts what a client sent). */
  readonly calls = new Map<string, number>();
  /** Behaviours integrators report both ways, switchable per account through `/__emulator/settings`. */
  readonly settings: AccountSettings;
  /** The Factus API version the account's company is enabled for. */
  readonly version: ApiVersion;
  /** The company the account invoices as. */
  readonly company: Company;

  constructor(
    readonly store: Store,
    readonly config: EmulatorConfig,
    /** The account's username (its Durable Object's name). */
    readonly username: string,
  ) {
    this.version = apiVersionOf(username, config);
    this.company = companyOf(username, this.version, config);
    this.settings = {
      validatedReferenceResend: config.validatedReferenceResend,
      subscriptionDocuments: config.subscriptionDocuments,
      v2Rounding: config.v2Rounding,
      v2RejectedCreate: config.v2RejectedCreate,
      v2RejectionBlocksRange: config.v2RejectionBlocksRange,
      v2TotalIncludesCashRounding: config.v2TotalIncludesCashRounding,
      v2ErrorsShape: config.v2ErrorsShape,
      emailContentAttachment: config.emailContentAttachment,
    };
  }

  nowMs() {
    return Date.now() + this.clockOffsetMs;
  }

  now() {
    return new Date(this.nowMs()).toISOString();
  }

  advanceClock(seconds: number) {
    this.clockOffsetMs += seconds * 1000;
  }

  /** Counts one request of `user` in its current minute; says whether it is allowed and what is left. */
  consumeRateLimit(user: string) {
    const now = this.nowMs();
    const window = this.windows.get(user);
    const current = window && now - window.start < 60_000 ? window : { start: now, count: 0 };
    current.count++;
    this.windows.set(user, current);
    const limit = this.config.rateLimitPerMinute;
    return {
      allowed: current.count <= limit,
      limit,
      remaining: Math.max(0, limit - current.count),
      retryAfterSeconds: Math.max(1, Math.ceil((current.start + 60_000 - now) / 1000)),
    };
  }

  /** The fault to apply to a request: its own header first, else the oldest armed fault matching its path. */
  takeFault(path: string, header: string | null): string | undefined {
    if (!this.config.faultsEnabled) return undefined;
    if (header) return header;
    const index = this.armedFaults.findIndex((armed) => path.startsWith(armed.pathPrefix));
    if (index < 0) return undefined;
    const armed = this.armedFaults[index]!;
    if (--armed.remaining <= 0) this.armedFaults.splice(index, 1);
    return armed.fault;
  }
}
