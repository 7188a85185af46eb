import { createRouter } from "../../platform/router";
import { createRange, createRangeRoute } from "./create";
import { deleteRange, deleteRangeRoute } from "./delete";
import { dianRanges, dianRangesRoute } from "./dian";
import { listRanges, listRangesRoute } from "./list";

export const numberingRangesRouter = createRouter()
  .openapi(listRangesRoute, listRanges)
  .openapi(createRangeRoute, createRange)
  .openapi(dianRangesRoute, dianRanges)
  .openapi(deleteRangeRoute, deleteRange);
