// Counts, per kind of request, the calls the gateway makes to state that lives in one place on Earth (D1, Durable
// Objects) and to Factus, and traces them as the request's critical path: the sequential long-haul hops it waits for
// before its answer. On a global edge each hop is a round trip from the caller's location to that place, which costs
// a far-away user more than any CPU. The Rate Limiting binding and the Cache API answer at the caller's own location:
// counted (the binding), never a hop.

export type Destination = "d1" | "durable_object" | "factus";

export interface Counts {
  d1: number;
  durable_object: number;
  rate_limit_binding: number;
  factus: number;
}

export const emptyCounts = (): Counts => ({ d1: 0, durable_object: 0, rate_limit_binding: 0, factus: 0 });

/** One hop: the places reached at once, and for a write placed near Factus, the hops made from there. */
export interface Hop {
  places: Destination[];
  inner?: Destination[][];
}

interface Call {
  destination: Destination;
  start: number;
  end: number;
  /** Made from inside the object near Factus (a placed write), not from the edge. */
  nested: boolean;
}

/**
 * The hops of one request. Every call is recorded with the order in which it started and ended; the calls that ended
 * before the answer left are the ones it waited for (work handed to `waitUntil` ends after it, once calls are
 * delayed as far-away ones are); among those, calls in flight together are one hop (the request waits for the
 * slowest), and a call that starts after the others ended begins the next. Calls made while a placed write runs in its
 * object are that hop's inner hops: they leave from near Factus, not from the caller's edge.
 */
export class HopTrace {
  private tick = 0;
  private placedDepth = 0;
  private readonly calls: Call[] = [];
  constructor(private readonly delays: Partial<Record<Destination, number>> = {}) {}

  async call<T>(destination: Destination, work: () => Promise<T>, placing = false): Promise<T> {
    const call: Call = {
      destination,
      start: this.tick++,
      end: Number.POSITIVE_INFINITY,
      nested: this.placedDepth > 0,
    };
    this.calls.push(call);
    try {
      const delay = this.delays[destination] ?? 0;
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      if (placing) this.placedDepth++;
      try {
        return await work();
      } finally {
        if (placing) this.placedDepth--;
      }
    } finally {
      call.end = this.tick++;
    }
  }

  /** Marks the moment the answer left. */
  answered() {
    return this.tick++;
  }

  /** The hops the answer waited for, in order. */
  criticalPath(answeredAt: number): Hop[] {
    const group = (calls: Call[]) => {
      const hops: { start: number; end: number; places: Set<Destination> }[] = [];
      for (const call of calls) {
        const last = hops.at(-1);
        if (last && call.start < last.end) {
          last.places.add(call.destination);
          last.end = Math.max(last.end, call.end);
        } else hops.push({ start: call.start, end: call.end, places: new Set([call.destination]) });
      }
      return hops;
    };
    return group(this.calls.filter((call) => !call.nested && call.end < answeredAt)).map((hop) => {
      const inner = group(
        this.calls.filter((call) => call.nested && call.start > hop.start && call.end < hop.end),
      );
      return {
        places: [...hop.places].sort(),
        ...(inner.length ? { inner: inner.map((entry) => [...entry.places].sort()) } : {}),
      };
    });
  }
}

/** Each statement's execution is one D1 round trip; `batch` and `exec` are one for all their statements. */
function countedD1(db: D1Database, counts: Counts, trace: HopTrace): D1Database {
  const counted = (statement: D1PreparedStatement): D1PreparedStatement => {
    for (const method of ["first", "run", "all", "raw"] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => Promise<unknown>;
      Object.defineProperty(statement, method, {
        value: (...args: unknown[]) => {
          counts.d1++;
          return trace.call("d1", () => original(...args));
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
      return trace.call("d1", () => db.batch(statements));
    },
    exec: (query: string) => {
      counts.d1++;
      return trace.call("d1", () => db.exec(query));
    },
  } as D1Database;
}

/** Every method called on a Durable Object stub is one round trip to the object. */
function countedNamespace<N extends DurableObjectNamespace>(
  namespace: N,
  counts: Counts,
  trace: HopTrace,
  placing: boolean,
): N {
  const stubOf = (stub: Record<string, (...args: unknown[]) => Promise<unknown>>) =>
    new Proxy(
      {},
      {
        get: (_target, method: string) =>
          method === "then"
            ? undefined
            : (...args: unknown[]) => {
                counts.durable_object++;
                return trace.call("durable_object", () => stub[method]!(...args), placing);
              },
      },
    );
  return new Proxy(namespace, {
    get: (target, property: string) => {
      if (property === "getByName")
        return (name: string, options?: unknown) =>
          stubOf((target.getByName as (n: string, o?: unknown) => never)(name, options));
      if (property === "get")
        return (id: DurableObjectId, options?: unknown) =>
          stubOf((target.get as (i: DurableObjectId, o?: unknown) => never)(id, options));
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The Worker's bindings with every call to D1, a Durable Object or the Rate Limiting binding counted and traced. */
export function countedEnv(env: Cloudflare.Env, counts: Counts, trace: HopTrace): Cloudflare.Env {
  const namespaces = Object.fromEntries(
    Object.entries(env)
      .filter(([, value]) => typeof (value as { idFromName?: unknown })?.idFromName === "function")
      .map(([name, value]) => [
        name,
        countedNamespace(value as DurableObjectNamespace, counts, trace, name === "NEAR_FACTUS"),
      ]),
  );
  return {
    ...env,
    ...namespaces,
    DB: countedD1(env.DB, counts, trace),
    USER_RATE_LIMIT: {
      limit: (options: RateLimitOptions) => {
        counts.rate_limit_binding++;
        return env.USER_RATE_LIMIT.limit(options);
      },
    },
  };
}
