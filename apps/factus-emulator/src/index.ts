import type { EmulatorEnv } from "./env";

export { FactusAccount } from "./account";

/** Every request goes to the one account object: like the sandbox, the emulator serves a single company. */
export default {
  fetch(request, env) {
    return env.FACTUS.getByName("default").fetch(request);
  },
} satisfies ExportedHandler<EmulatorEnv>;
