// Gives a local user a role: pnpm --filter edge user:role --email ana@empresa.co --role admin|user [--remote]
// `admin` also reaches the administrative routes (numbering ranges); other isolates notice within 30 s.
import { parseArgs } from "node:util";
import { ROLES, setRole } from "./d1.mjs";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    remote: { type: "boolean", default: false },
    env: { type: "string" },
  },
});
if (!values.email || !values.role) {
  console.error(`usage: pnpm --filter edge user:role --email <email> --role <${ROLES.join("|")}> [--remote]`);
  process.exit(2);
}
try {
  setRole({ email: values.email, role: values.role, remote: values.remote, env: values.env });
  console.log(`user ${values.email}: role ${values.role} (in every isolate within 30 s)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
