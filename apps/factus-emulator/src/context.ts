import type { DocumentFaults } from "./faults";

/** What the app's middleware sets on a request's context for the routes below it. */
export interface EmulatorVariables {
  /** The caller, from its access token (every /v1 route). */
  username: string;
  /** The faults a test asked for that act on a document create (`X-Emulator-Fault` or an armed fault). */
  documentFaults: DocumentFaults;
}

/** The Hono environment of the emulator's app and routes. */
export interface EmulatorEnv {
  Variables: EmulatorVariables;
}
