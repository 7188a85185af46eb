// Counts, per kind of request, the calls the gateway makes to state that lives in one place on Earth (D1, Durable
// Objects): on a global edge each is a round trip to that place, which costs a far-away user more than any CPU.
// The Rate Limiting binding is counted apart: it answers at the caller's own location.

export interface Counts {
  d1: number;
  durable_object: number;
  rate_limit_binding: number;
  factus: number;
}

export const emptyCounts = (): Counts => ({ d1: 0, durable_object: 0, rate_limit_binding: 0, factus: 0 });

/** Each statement's execution is one D1 round trip; `batch` and `exec` are one for all their statements. */
function countedD1(db: D1Database, counts: Counts): D1Database {
  const counted = (statement: D1PreparedStatement): D1PreparedStatement => {
    for (const method of ["first", "run", "all", "raw"] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      Object.defineProperty(statement, method, {
        value: (...args: unknown[]) => {
          counts.d1++;
          return original(...args);
        },
      });
    }
    const bind = statement.bind.bind(statement);
    Object.defineProperty(statement, "bind", { value: (...values: unknown[]) => counted(bind(...values)) });
    return statement;
  };
  return {
    prepare: (query: string) => counted(db.prepare(query)),
    batch: (statements: D1PreparedStatement[]) => {
      counts.d1++;
      return db.batch(statements);
    },
    exec: (query: string) => {
      counts.d1++;
      return db.exec(query);
    },
  } as D1Database;
}

/** Every method called on a Durable Object stub is one round trip to the object. */
type LoginThrottles = Cloudflare.Env["RATE_LIMITER"];

function countedNamespace(namespace: LoginThrottles, counts: Counts): LoginThrottles {
  return {
    getByName(name: string) {
      const stub = namespace.getByName(name) as unknown as Record<string, (...args: unknown[]) => unknown>;
      return new Proxy(
        {},
        {
          get: (_target, method: string) =>
            method === "then"
              ? undefined
              : (...args: unknown[]) => {
                  counts.durable_object++;
                  return stub[method]!(...args);
                },
        },
      );
    },
  } as unknown as LoginThrottles;
}

/** The Worker's bindings with every call to D1, a Durable Object or the Rate Limiting binding counted. */
export function countedEnv(env: Cloudflare.Env, counts: Counts): Cloudflare.Env {
  return {
    ...env,
    DB: countedD1(env.DB, counts),
    RATE_LIMITER: countedNamespace(env.RATE_LIMITER, counts),
    USER_RATE_LIMIT: {
      limit: (options: RateLimitOptions) => {
        counts.rate_limit_binding++;
        return env.USER_RATE_LIMIT.limit(options);
      },
    },
  };
}
