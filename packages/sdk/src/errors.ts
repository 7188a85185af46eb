/** The error envelope's `error` member, as every route of the gateway answers it. */
export interface ErrorBody {
  code: string;
  request_id: string;
  details?: { path?: string; message: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

/**
 * Every failure of a call: the gateway's answer (`status`, the stable `code`, `requestId` for support, `details`
 * per field), or a request that never got one (`status` 0, `code` "NETWORK_ERROR").
 */
export class EdgeApiError extends Error {
  override name = "EdgeApiError";
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: NonNullable<ErrorBody["details"]>;
  /** Seconds the gateway asked to wait (429, 503), when it did. */
  readonly retryAfter: number | undefined;

  constructor(
    readonly status: number,
    message: string,
    /** The whole `error` member: some codes carry more (DIAN_REJECTED's `document`, for one). */
    readonly body: ErrorBody,
    options: { retryAfter?: number | undefined; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = body.code;
    this.requestId = body.request_id || undefined;
    this.details = body.details ?? [];
    this.retryAfter = options.retryAfter;
  }
}
