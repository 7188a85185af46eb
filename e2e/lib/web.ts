// apps/web on Vite's dev server (what `pnpm dev` serves on :5173), here on a free port, pointed at a test stack.
import { join } from "node:path";
import { createServer, type ViteDevServer } from "vite";
import { root } from "./stack";

export async function startWeb(
  port: number,
  apiUrl: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  // Vite exposes VITE_* variables of the environment to the page as import.meta.env.
  process.env.VITE_API_URL = apiUrl;
  const server: ViteDevServer = await createServer({
    root: join(root, "apps/web"),
    server: { host: "127.0.0.1", port, strictPort: true },
    logLevel: "error",
  });
  await server.listen();
  return { url: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
