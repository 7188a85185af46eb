// Small figures helpers shared by the bench's measurements.

/** The middle value (the upper one of an even count), leaving `values` as it was. */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds of CPU in a V8 CPU profile: its busy samples (everything but idle). */
export function busyMs(profile) {
  const idle = new Set(
    profile.nodes.filter((node) => node.callFrame.functionName === "(idle)").map((node) => node.id),
  );
  let busyMicros = 0;
  profile.samples.forEach((sample, index) => {
    if (!idle.has(sample)) busyMicros += profile.timeDeltas[index] ?? 0;
  });
  return Number((busyMicros / 1000).toFixed(1));
}
