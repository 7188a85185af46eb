import * as z from "zod";

/**
 * Bindings and variables of the edge Worker, as `wrangler types` generates them from wrangler.jsonc
 * (worker-configuration.d.ts; rerun `pnpm --filter edge types` after changing it). Secrets may be missing at run
 * time whatever the types say: readConfig checks them.
 */
export type Env = Cloudflare.Env;

/** A comma-separated list of delays in seconds ("60,120,300"): a retry schedule whose last delay repeats. */
const secondsList = (fallback: string, name: string) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? fallback : value),
    z
      .string()
      .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, { error: `${name} must be seconds separated by commas` })
      .transform((list) => list.split(",").map((part) => Number(part.trim()) * 1000)),
  );

const flag = z.preprocess((value) => value === true || value === "true", z.boolean());

const positiveInt = (fallback: number) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? fallback : Number(value)),
    z.int().positive(),
  );

/** Hosts where plain http is acceptable: the emulator on this machine. Tokens never cross a network in clear. */
const LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

const ConfigSchema = z.object({
  jwtSecret: z
    .string({ error: "JWT_SECRET is not set" })
    .refine((secret) => new TextEncoder().encode(secret).length >= 32, {
      error: "JWT_SECRET must be at least 32 bytes",
    }),
  jwtIssuer: z.string().min(1),
  jwtAudience: z.string().min(1),
  jwtTtlSeconds: positiveInt(3600),
  factusBaseUrl: z.url({ error: "FACTUS_BASE_URL must be a URL" }).refine(
    (url) => {
      const { protocol, hostname } = new URL(url);
      return protocol === "https:" || (protocol === "http:" && LOCAL_HOSTS.includes(hostname));
    },
    {
      error: "FACTUS_BASE_URL must be https (plain http only for a local emulator on 127.0.0.1 or localhost)",
    },
  ),
  /**
   * Which Factus API the gateway speaks: `auto` learns each token's account version (Factus enables v1 or v2 per
   * company) once and remembers it; `v1` or `v2` pins it for every caller.
   */
  factusApiVersion: z.preprocess(
    (value) => (value === undefined || value === "" ? "auto" : value),
    z.enum(["auto", "v1", "v2"], { error: "FACTUS_API_VERSION must be auto, v1 or v2" }),
  ),
  factusTimeoutMs: positiveInt(15_000),
  factusCreateTimeoutMs: positiveInt(30_000),
  factusClientId: z
    .string({ error: "FACTUS_CLIENT_ID is not set" })
    .min(1, { error: "FACTUS_CLIENT_ID is not set" }),
  factusClientSecret: z
    .string({ error: "FACTUS_CLIENT_SECRET is not set" })
    .min(1, { error: "FACTUS_CLIENT_SECRET is not set" }),
  // Seals stored Factus connections' tokens (factus/connections/sealing.ts): checked here so that a deployment without
  // it refuses to serve at once, instead of failing the first connection after spending a Factus login.
  factusConnectionKeys: z.string({ error: "FACTUS_CONNECTION_KEYS is not set" }).refine(
    (spec) =>
      spec.split(",").every((entry) => {
        const [id, material] = entry.trim().split(":");
        return (
          !!id && /^[\w-]{1,16}$/.test(id) && /^[A-Za-z0-9_-]{43}$/.test(material ?? "") // 32 bytes, base64url without padding
        );
      }),
    { error: "FACTUS_CONNECTION_KEYS must be id:base64url-of-32-bytes[,id:…]" },
  ),
  corsOrigins: z.string().transform((value) =>
    value
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  ),
  rateLimitPerMinute: positiveInt(80),
  /**
   * When the gateway re-sends a document DIAN left pending (or whose outcome is unknown), in ms after each attempt:
   * the last delay repeats until `documentRetryHorizonHours` after the document was created.
   */
  documentRetrySchedule: secondsList("60,120,300,600,1800,3600", "DOCUMENT_RETRY_SCHEDULE_SECONDS"),
  documentRetryHorizonHours: positiveInt(48),
  /**
   * Factus calls a minute the company's background work (batches, finishing pending documents) may make: Factus
   * allows 80 per account, so 60 leaves 20 for the company's interactive traffic.
   */
  backgroundFactusCallsPerMinute: positiveInt(60),
  /** Standard Webhooks' own schedule by default (now, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h…), for 3 days. */
  webhookRetrySchedule: secondsList("0,5,300,1800,7200,18000,36000", "WEBHOOK_RETRY_SCHEDULE_SECONDS"),
  webhookRetryHorizonHours: positiveInt(72),
  /** A delivery counts only when the endpoint answers 2xx within it. */
  webhookTimeoutMs: positiveInt(10_000),
  /** Local development only (the emulator's receiver is on loopback): never in staging or production. */
  webhookAllowPrivateUrls: flag,
  loginAttemptsPer15Minutes: positiveInt(10),
  loginAttemptsPerEmailPer5Minutes: positiveInt(10),
  loginAttemptsPerIpPer15Minutes: positiveInt(100),
  /**
   * Writes with an Idempotency-Key run in a Durable Object near Factus and the D1 primary (src/near-factus.ts): the
   * caller pays one long-haul trip for the key's claim, the Factus call and the stored answer, instead of three.
   */
  placeNearFactus: flag,
  /** The region that object is created in: where Factus and the D1 primary are (docs/ARCHITECTURE.md). */
  nearFactusLocationHint: z.preprocess(
    (value) => (value === undefined || value === "" ? "enam" : value),
    z.enum(["wnam", "enam", "sam", "weur", "eeur", "apac", "oc", "afr", "me"], {
      error: "NEAR_FACTUS_LOCATION_HINT must be a Durable Object location hint (enam, wnam, sam, weur, …)",
    }),
  ),
  /** Set only inside that object: the request is already where it should run. */
  placed: z.boolean().default(false),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Thrown at start-up when the Worker's configuration is unusable; its message names every problem. */
export class ConfigError extends Error {}

/** Reads and checks the Worker's configuration once, at the boundary. */
export function readConfig(env: Env): Config {
  const result = ConfigSchema.safeParse({
    jwtSecret: env.JWT_SECRET,
    jwtIssuer: env.JWT_ISSUER,
    jwtAudience: env.JWT_AUDIENCE,
    jwtTtlSeconds: env.JWT_TTL_SECONDS,
    factusBaseUrl: env.FACTUS_BASE_URL,
    factusApiVersion: env.FACTUS_API_VERSION,
    factusTimeoutMs: env.FACTUS_TIMEOUT_MS,
    factusCreateTimeoutMs: env.FACTUS_CREATE_TIMEOUT_MS,
    factusClientId: env.FACTUS_CLIENT_ID,
    factusClientSecret: env.FACTUS_CLIENT_SECRET,
    factusConnectionKeys: env.FACTUS_CONNECTION_KEYS,
    corsOrigins: env.CORS_ORIGINS ?? "",
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    documentRetrySchedule: env.DOCUMENT_RETRY_SCHEDULE_SECONDS,
    documentRetryHorizonHours: env.DOCUMENT_RETRY_HORIZON_HOURS,
    backgroundFactusCallsPerMinute: env.BACKGROUND_FACTUS_CALLS_PER_MINUTE,
    webhookRetrySchedule: env.WEBHOOK_RETRY_SCHEDULE_SECONDS,
    webhookRetryHorizonHours: env.WEBHOOK_RETRY_HORIZON_HOURS,
    webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
    webhookAllowPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS,
    loginAttemptsPer15Minutes: env.LOGIN_ATTEMPTS_PER_15_MINUTES,
    loginAttemptsPerEmailPer5Minutes: env.LOGIN_ATTEMPTS_PER_EMAIL_PER_5_MINUTES,
    loginAttemptsPerIpPer15Minutes: env.LOGIN_ATTEMPTS_PER_IP_PER_15_MINUTES,
    placeNearFactus: env.PLACE_NEAR_FACTUS,
    nearFactusLocationHint: env.NEAR_FACTUS_LOCATION_HINT,
  });
  if (!result.success) {
    throw new ConfigError(
      `Invalid configuration: ${result.error.issues.map((issue) => issue.message).join("; ")}`,
    );
  }
  return result.data;
}
