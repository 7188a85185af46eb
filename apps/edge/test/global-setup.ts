import { startEmulator } from "factus-emulator/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
    emulatorAdminSecret: string;
  }
}

/** One emulator for the whole run, with open accounts so every test file gets an isolated Factus company. */
export default async function setup(project: TestProject) {
  const emulator = await startEmulator({ RATE_LIMIT_PER_MINUTE: "10000" });
  project.provide("emulatorUrl", emulator.url);
  project.provide("emulatorAdminSecret", emulator.adminSecret);
  return emulator.stop;
}
