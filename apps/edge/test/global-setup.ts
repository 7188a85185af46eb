import { emulatorGlobalSetup } from "factus-emulator/testing";

/** One emulator for the whole run, with open accounts so every test file gets an isolated Factus company. */
export default emulatorGlobalSetup({ RATE_LIMIT_PER_MINUTE: "10000" });
