import { type Context, Hono } from "hono";
import type { AppEnv, AppVariables } from "./context";

/**
 * Runs `work` with a real request context built for background work (a Durable Object's alarm has no request): the
 * same Hono context every route receives, with the variables given, so the document lifecycle runs unchanged. Without
 * an execution context, work meant for after the answer (`afterAnswer`) is awaited inside `work`.
 */
export async function inRequestContext<T>(
  env: AppEnv["Bindings"],
  variables: Partial<AppVariables>,
  work: (c: Context<AppEnv>) => Promise<T>,
): Promise<T> {
  let outcome = { error: new Error("background work did not run") } as { value: T } | { error: unknown };
  const app = new Hono<AppEnv>();
  app.post("/", async (c) => {
    for (const [name, value] of Object.entries(variables)) c.set(name as keyof AppVariables, value as never);
    try {
      outcome = { value: await work(c) };
    } catch (error) {
      outcome = { error };
    }
    return c.body(null, 204);
  });
  await app.request("/", { method: "POST" }, env);
  if ("error" in outcome) throw outcome.error;
  return outcome.value;
}
