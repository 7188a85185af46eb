import { createEdgeClient } from "@factus-edge/sdk";

/** The gateway this page talks to: `pnpm dev`'s by default, VITE_API_URL elsewhere. */
export const edge = createEdgeClient({ baseUrl: import.meta.env.VITE_API_URL ?? "http://127.0.0.1:8787" });
