/** Bindings of the emulator Worker (see wrangler.jsonc). */
export interface EmulatorEnv {
  FACTUS: DurableObjectNamespace<import("./account-object").FactusAccount>;
  EMULATOR_CLIENT_ID: string;
  EMULATOR_CLIENT_SECRET: string;
  EMULATOR_USERNAME: string;
  EMULATOR_PASSWORD: string;
  EMULATOR_OPEN_ACCOUNTS?: string;
  ACCESS_TOKEN_TTL_SECONDS: string;
  REFRESH_TOKEN_TTL_SECONDS: string;
  RATE_LIMIT_PER_MINUTE: string;
  FAULTS_ENABLED: string;
  EMULATOR_ADMIN_SECRET: string;
  PUBLIC_BASE_URL: string;
  VALIDATED_REFERENCE_RESEND?: string;
  SUBSCRIPTION_DOCUMENTS?: string;
}

export interface EmulatorConfig {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  /** Any username with the seeded password opens its own isolated account (tests). */
  openAccounts: boolean;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  rateLimitPerMinute: number;
  faultsEnabled: boolean;
  adminSecret: string;
  publicBaseUrl: string;
  /** How a re-sent reference of a validated document is answered: "reject" (422, default) or "return" it. */
  validatedReferenceResend: "reject" | "return";
  /** Documents the account's subscription includes; creates past it answer 402, as Factus does. */
  subscriptionDocuments: number;
}

const positive = (value: string | undefined, fallback: number) => {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
};

export function readConfig(env: EmulatorEnv): EmulatorConfig {
  return {
    clientId: env.EMULATOR_CLIENT_ID,
    clientSecret: env.EMULATOR_CLIENT_SECRET,
    username: env.EMULATOR_USERNAME,
    password: env.EMULATOR_PASSWORD,
    openAccounts: env.EMULATOR_OPEN_ACCOUNTS === "true",
    accessTokenTtl: positive(env.ACCESS_TOKEN_TTL_SECONDS, 3600),
    refreshTokenTtl: positive(env.REFRESH_TOKEN_TTL_SECONDS, 30 * 24 * 3600),
    rateLimitPerMinute: positive(env.RATE_LIMIT_PER_MINUTE, 80),
    faultsEnabled: env.FAULTS_ENABLED !== "false",
    adminSecret: env.EMULATOR_ADMIN_SECRET,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    validatedReferenceResend: env.VALIDATED_REFERENCE_RESEND === "return" ? "return" : "reject",
    subscriptionDocuments: positive(env.SUBSCRIPTION_DOCUMENTS, 3000),
  };
}
