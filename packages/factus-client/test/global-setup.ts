import { startEmulator } from "factus-emulator/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
    emulatorAdminSecret: string;
  }
}

export default async function setup(project: TestProject) {
  // A low rate limit makes the 429 path reachable; the other tests stay far below it.
  const emulator = await startEmulator({ RATE_LIMIT_PER_MINUTE: "300" });
  project.provide("emulatorUrl", emulator.url);
  project.provide("emulatorAdminSecret", emulator.adminSecret);
  return emulator.stop;
}
