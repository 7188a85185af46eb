import * as z from "zod";

// The emulator's settings, from the Worker's bindings (wrangler.jsonc `vars`, overridden with --var or .dev.vars; their
// types are generated into worker-configuration.d.ts by `pnpm --filter factus-emulator types`). Each schema key is the
// variable's name, so an error names the variable to fix.

const isSet = z.string({ error: "is not set" }).min(1, { error: "is not set" });
const wholeNumber = z
  .string({ error: "is not set" })
  .regex(/^\d+$/, { error: "must be a whole number" })
  .transform(Number);
const positiveWholeNumber = z
  .string({ error: "is not set" })
  .regex(/^[1-9]\d*$/, { error: "must be a positive whole number" })
  .transform(Number);
const flag = z
  .enum(["true", "false"], { error: 'must be "true" or "false"' })
  .transform((value) => value === "true");

const EmulatorSettings = z
  .object({
    EMULATOR_CLIENT_ID: isSet,
    EMULATOR_CLIENT_SECRET: isSet,
    EMULATOR_USERNAME: isSet,
    EMULATOR_PASSWORD: isSet,
    EMULATOR_V2_USERNAME: isSet,
    EMULATOR_OPEN_ACCOUNTS: flag,
    REQUIRE_USER_AGENT: flag,
    SHARED_V1_COMPANY: flag,
    ACCESS_TOKEN_TTL_SECONDS: positiveWholeNumber,
    REFRESH_TOKEN_TTL_SECONDS: positiveWholeNumber,
    RATE_LIMIT_PER_MINUTE: positiveWholeNumber,
    FAULTS_ENABLED: flag,
    EMULATOR_ADMIN_SECRET: isSet,
    PUBLIC_BASE_URL: z.url({ error: "must be a URL" }),
    VALIDATED_REFERENCE_RESEND: z.enum(["reject", "return"], { error: 'must be "reject" or "return"' }),
    SUBSCRIPTION_DOCUMENTS: wholeNumber,
    V2_ROUNDING: z.enum(["half-up", "half-even"], { error: 'must be "half-up" or "half-even"' }),
    V2_REJECTED_CREATE: z.enum(["422", "201"], { error: 'must be "422" or "201"' }),
    V2_REJECTION_BLOCKS_RANGE: flag,
    V2_TOTAL_INCLUDES_CASH_ROUNDING: flag,
    V2_ERRORS_SHAPE: z.enum(["object", "array"], { error: 'must be "object" or "array"' }),
    EMAIL_CONTENT_ATTACHMENT: z.enum(["zip", "xml"], { error: 'must be "zip" or "xml"' }).default("zip"),
  })
  .transform((env) => ({
    clientId: env.EMULATOR_CLIENT_ID,
    clientSecret: env.EMULATOR_CLIENT_SECRET,
    username: env.EMULATOR_USERNAME,
    password: env.EMULATOR_PASSWORD,
    /** The seeded account enabled for Factus v2 (the other seeded one, `username`, is a v1 account). */
    v2Username: env.EMULATOR_V2_USERNAME,
    /**
     * Any username with the seeded password opens its own isolated account (tests); one whose username contains
     * "v2" is a v2 account.
     */
    openAccounts: env.EMULATOR_OPEN_ACCOUNTS,
    /** Refuse requests without a User-Agent (403, Cloudflare's error 1010), as the edge in front of Factus does. */
    requireUserAgent: env.REQUIRE_USER_AGENT,
    /**
     * Every v1 account invoices as the seeded v1 company (the emulator before accounts were companies of their own);
     * the test kit's startEmulator sets it for the suites that expect that issuer.
     */
    sharedV1Company: env.SHARED_V1_COMPANY,
    accessTokenTtl: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtl: env.REFRESH_TOKEN_TTL_SECONDS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    faultsEnabled: env.FAULTS_ENABLED,
    adminSecret: env.EMULATOR_ADMIN_SECRET,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    /** How a re-sent reference of a validated document is answered: "reject" (422, default) or "return" it. */
    validatedReferenceResend: env.VALIDATED_REFERENCE_RESEND,
    /** Documents the account's subscription includes; creates past it answer 402, as Factus does. */
    subscriptionDocuments: env.SUBSCRIPTION_DOCUMENTS,
    // Where Factus v2's docs are silent or contradict themselves: the emulator's choice, switchable (README).
    /** How half a cent rounds in v2's arithmetic. */
    v2Rounding: env.V2_ROUNDING,
    /** The status of a v2 create DIAN rejects: 422 with the rules (v1's) or 201 with `is_validated: false`. */
    v2RejectedCreate: env.V2_REJECTED_CREATE,
    /** Whether a v2 document DIAN rejected blocks its range (409) as a v1 one does, or only a DIAN-slow one does. */
    v2RejectionBlocksRange: env.V2_REJECTION_BLOCKS_RANGE,
    /** Whether a v2 document's `totals.total` includes `cash_rounding_amount` (what is paid) or not. */
    v2TotalIncludesCashRounding: env.V2_TOTAL_INCLUDES_CASH_ROUNDING,
    /** v2 `errors`: an object keyed by rule (the field tables) or a list of texts (the only published answers). */
    v2ErrorsShape: env.V2_ERRORS_SHAPE,
    /**
     * email-content's `attached_document` (unpublished, SPEC §7): the ZIP DIAN's e-mail carries (AttachedDocument XML
     * and PDF), or the AttachedDocument XML alone.
     */
    emailContentAttachment: env.EMAIL_CONTENT_ATTACHMENT,
  }));

export type EmulatorConfig = z.output<typeof EmulatorSettings>;

/** Reads and checks the emulator's settings; a bad one throws an error naming every variable to fix. */
export function readConfig(env: Cloudflare.Env): EmulatorConfig {
  const parsed = EmulatorSettings.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new Error(`Invalid emulator configuration: ${problems.join("; ")}`);
}
