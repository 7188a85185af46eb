// @factus-edge/sdk: a typed client of the Factus edge API. Each operation is a function of its own (import what
// you use; the rest is shaken out), generated from the gateway's OpenAPI document.

export { createBatch, type WaitOptions, waitForBatch } from "./batches";
export { type CallOptions, createEdgeClient, type EdgeClient, type EdgeClientOptions } from "./client";
export { EdgeApiError, type ErrorBody } from "./errors";
export type { components, operations, paths } from "./generated/openapi";
export * from "./generated/operations";
export { paginate } from "./paginate";
export type { Data, Params } from "./types";
