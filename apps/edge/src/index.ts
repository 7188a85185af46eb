import { lazyApi } from "./api";
import { ConfigError, type Env, readConfig } from "./platform/config";
import { configErrorResponse } from "./platform/errors";
import { onSchedule } from "./scheduled";

export { CompanyWork } from "./completion/company-work";
export { FactusConnectionObject } from "./factus/connections/connection-object";
export { NearFactus } from "./near-factus";
export { RateLimiter } from "./platform/rate-limiter-object";

let app: ReturnType<typeof lazyApi> | undefined;
let configError: ConfigError | undefined;

/**
 * Worker entry. The configuration is checked once per isolate; a missing or weak secret makes every request answer
 * 500 with a body that names the problem (never the secret), instead of serving with an unsafe setup.
 */
export default {
  fetch(request, env, ctx) {
    if (!app && !configError) {
      try {
        app = lazyApi(readConfig(env));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        configError = error;
        console.error(JSON.stringify({ level: "error", msg: "refusing to serve", detail: error.message }));
      }
    }
    if (configError) {
      return configErrorResponse(configError.message);
    }
    return app!.fetch(request, env, ctx);
  },
  async scheduled(controller, env) {
    await onSchedule(controller, env);
  },
} satisfies ExportedHandler<Env>;
