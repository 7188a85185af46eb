// @factus-edge/contracts/factus: Factus v1's own wire format (requests, answers, envelopes), which only the Factus
// client and the emulator need. The main entry re-exports it for now; a frontend should not have to see it.

export * from "./auth";
export * from "./bill-request";
export * from "./bills";
export * from "./catalogs";
export * from "./common";
export * from "./credit-notes";
export * from "./dates";
export * from "./email-zip";
export * from "./numbering-ranges";
export * from "./subscriptions";
export * from "./support-documents";
