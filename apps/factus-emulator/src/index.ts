import type { EmulatorEnv } from "./env";
import { DROP_MARKER, droppedResponse } from "./faults";

export { FactusAccount } from "./account";

/** Every request goes to the one account object: like the sandbox, the emulator serves a single company. */
export default {
  async fetch(request, env) {
    const response = await env.FACTUS.getByName("default").fetch(request);
    return response.headers.has(DROP_MARKER) ? droppedResponse() : response;
  },
} satisfies ExportedHandler<EmulatorEnv>;
