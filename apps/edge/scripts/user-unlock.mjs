// Clears a local user's login throttles (a lockout after failed passwords):
//   pnpm --filter edge user:unlock --email ana@empresa.co [--remote]
// The throttles live in a Durable Object; this stamps users.login_unlocked_at, which the next login honours.
import { parseArgs } from "node:util";
import { unlockUser } from "./d1.mjs";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    remote: { type: "boolean", default: false },
    env: { type: "string" },
  },
});
if (!values.email) {
  console.error("usage: pnpm --filter edge user:unlock --email <email> [--remote]");
  process.exit(2);
}
try {
  unlockUser({ email: values.email, remote: values.remote, env: values.env });
  console.log(
    `user ${values.email}: login throttles cleared; the next login from any address is counted afresh`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
