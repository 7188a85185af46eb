// The latency model: what a caller far from Factus waits for is the number of sequential long-haul round trips on
// its request's critical path (bench/pipeline-worker/single-homed.ts traces them per kind of request), times the
// round trip from its Cloudflare location to where the single-homed things are, plus Factus' own time. Placement
// cannot run on this machine, so the model is the measure; its arithmetic (sequential hops add, parallel ones take
// the slowest, a placed write's inner hops add inside its one) is checked on loopback with injected delays.

/**
 * Round trips in ms from a Cloudflare location in each city to Ashburn, Virginia (AWS us-east-1 and Cloudflare's
 * `enam`): typical values rounded from WonderNetwork's public city-to-city ping tables (wondernetwork.com/pings,
 * Washington DC as Ashburn), not measured here. Factus, the D1 primary (created with `--location enam`) and the
 * object near Factus (location hint `enam`) are assumed there (BENCHMARKS.md says why).
 */
export const ROUND_TRIP_MS = { Bogotá: 75, Miami: 28, Madrid: 88, "São Paulo": 118, Tokyo: 155 };
/** The caller to its nearest Cloudflare location: every city above has one. */
export const CALLER_TO_EDGE_MS = 10;
/** From the object near Factus to Factus or the D1 primary, in the same region. */
export const NEAR_MS = 4;
/** Factus' own time per call (DIAN validates a create synchronously behind it): assumed, not published. */
export const FACTUS_MS = { create: 800, read: 150 };

const factusTime = (kind) => (/create|replay/.test(kind) ? FACTUS_MS.create : FACTUS_MS.read);
const reaches = (hops, place) =>
  hops.some((hop) => hop.places.includes(place) || (hop.inner ?? []).some((inner) => inner.includes(place)));

/** A kind's modelled latency for a caller in `city`: the edge, then each hop (the far trip, its inner short ones). */
export function modelled(kind, hops, city) {
  const far = ROUND_TRIP_MS[city];
  let total = CALLER_TO_EDGE_MS;
  for (const hop of hops) {
    total += far + (hop.inner ?? []).length * NEAR_MS;
    if (hop.places.includes("factus") || (hop.inner ?? []).some((inner) => inner.includes("factus")))
      total += factusTime(kind);
  }
  return total;
}

/**
 * The physical floor: one round trip from the caller to Factus' region and Factus' time; one trip to single-homed
 * state for a request that needs it and not Factus (a login, a replay); the edge alone for one that needs neither.
 */
export function floor(kind, hops, city) {
  if (reaches(hops, "factus")) return CALLER_TO_EDGE_MS + ROUND_TRIP_MS[city] + factusTime(kind);
  if (hops.length > 0) return CALLER_TO_EDGE_MS + ROUND_TRIP_MS[city];
  return CALLER_TO_EDGE_MS;
}

/** Kind × city: modelled latency, floor and their ratio, for each kind's traced hops. */
export function latencyTable(hopsByKind) {
  return Object.entries(hopsByKind).flatMap(([kind, hops]) =>
    Object.keys(ROUND_TRIP_MS).map((city) => {
      const model = modelled(kind, hops, city);
      const least = floor(kind, hops, city);
      return {
        kind,
        city,
        long_haul_trips: hops.length,
        modelled_ms: model,
        floor_ms: least,
        ratio: Number((model / least).toFixed(2)),
      };
    }),
  );
}

/**
 * The model's arithmetic against loopback: each kind's I/O time with every far call delayed (`delays`), against
 * its I/O time undelayed plus what the model adds for the delays on its traced hops. A kind with no long-haul hop
 * has nothing to predict (its few ms are local I/O): it is listed, not checked.
 */
export function checkModel(undelayed, delayed, delays) {
  return delayed.map((row) => {
    const base = undelayed.find((entry) => entry.kind === row.kind)?.io_ms ?? 0;
    const added = row.hops.reduce(
      (sum, hop) =>
        sum +
        Math.max(...hop.places.map((place) => delays[place] ?? 0)) +
        (hop.inner ?? []).reduce(
          (inner, places) => inner + Math.max(...places.map((p) => delays[p] ?? 0)),
          0,
        ),
      0,
    );
    const predicted = base + added;
    return {
      kind: row.kind,
      predicted_ms: predicted,
      measured_ms: row.io_ms,
      error:
        row.hops.length === 0
          ? null
          : Number((Math.abs(row.io_ms - predicted) / Math.max(row.io_ms, 1)).toFixed(3)),
    };
  });
}

/** Steady state: what a request costs once the isolate knows the user and the token (not a first request). */
export const isSteady = (kind) => !/first/.test(kind);
