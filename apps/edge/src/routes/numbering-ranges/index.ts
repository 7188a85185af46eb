import { createRouter } from "../../lib/router";
import { listRanges, listRangesRoute } from "./list";

export const numberingRangesRouter = createRouter().openapi(listRangesRoute, listRanges);
