import { emulatorGlobalSetup } from "factus-emulator/testing";

// A low rate limit makes the 429 path reachable; the other tests stay far below it.
export default emulatorGlobalSetup({ RATE_LIMIT_PER_MINUTE: "300" });
