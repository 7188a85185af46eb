// `pnpm dev` for the edge: local secrets, migrated local D1, a demo user, then wrangler dev on :8787.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addUser, edgeDir, wrangler, wranglerBin } from "./d1.mjs";
import { DEMO_USER } from "./demo-user.mjs";
import { writeDocsAssets } from "./docs-assets.mjs";

const devVars = join(edgeDir, ".dev.vars");
if (!existsSync(devVars)) {
  // Local-only secrets: a fresh random JWT secret, and the emulator's seeded OAuth client.
  writeFileSync(
    devVars,
    [
      `JWT_SECRET=${randomBytes(48).toString("base64url")}`,
      "FACTUS_CLIENT_ID=emulator-client-id",
      "FACTUS_CLIENT_SECRET=emulator-client-secret",
      "",
    ].join("\n"),
  );
  console.log("edge: wrote apps/edge/.dev.vars with a generated JWT_SECRET");
}

// Added to an existing .dev.vars too: it came after the first ones.
if (!readFileSync(devVars, "utf8").includes("FACTUS_CONNECTION_KEYS=")) {
  appendFileSync(devVars, `FACTUS_CONNECTION_KEYS=k1:${randomBytes(32).toString("base64url")}\n`);
  console.log("edge: added a generated FACTUS_CONNECTION_KEYS to apps/edge/.dev.vars");
}

writeDocsAssets();
wrangler(["d1", "migrations", "apply", "DB", "--local"]);
// An existing demo user keeps its password; it becomes an admin if it was not one.
await addUser({ ...DEMO_USER, ifMissing: true });
console.log(`
  Factus edge API  http://127.0.0.1:8787/api/v1   (docs: http://127.0.0.1:8787/api/v1/docs)
  Demo user        ${DEMO_USER.email} / ${DEMO_USER.password}   (role ${DEMO_USER.role})
  Factus account   sandbox@factus.local / sandbox-password   (the emulator on http://127.0.0.1:8788)
`);

const child = spawn(
  process.execPath,
  [wranglerBin, "dev", "--ip", "127.0.0.1", "--port", "8787", "--inspector-port", "9329"],
  {
    cwd: edgeDir,
    stdio: "inherit",
  },
);
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"]))
  process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
