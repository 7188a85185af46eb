// Small figures helpers shared by the bench's measurements.

/** The middle value (the upper one of an even count), leaving `values` as it was. */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
