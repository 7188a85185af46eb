/** Where the API is mounted: every public path and every path an answer names begins with it. */
export const API_BASE = "/api/v1";
