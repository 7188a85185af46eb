import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import * as z from "zod";

// The floor under the gateway's start-up and first request: what a user would write with the same libraries, one
// documented route (Hono, @hono/zod-openapi, a zod schema for its answer), built when the module loads.
const app = new OpenAPIHono();
app.openapi(
  createRoute({
    method: "get",
    path: "/api/v1/health",
    responses: {
      200: {
        description: "Disponible",
        content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } },
      },
    },
  }),
  (c) => c.json({ status: "ok" as const }, 200),
);

export default app;
