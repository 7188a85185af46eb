export { FactusClient } from "./client";
export { parseRetryAfter, parseValidationBody } from "./error-mapping";
export * from "./errors";
export {
  FACTUS_ENVIRONMENTS,
  type FactusClientOptions,
  type FactusCredentials,
  type FactusEnvironment,
  type RequestOptions,
} from "./options";
export { Page } from "./pagination";
export type { BillFilters } from "./resources/bills";
