import { defineConfig } from "vite";

// Plain Vite: the page is a form, a framework would cost more bytes than it saves.
export default defineConfig({
  build: { target: "es2022" },
  // Pre-bundled at start-up: found later, they would make the dev server reload the page under the user.
  optimizeDeps: { include: ["zod", "zod/v4/locales/es.js"] },
});
