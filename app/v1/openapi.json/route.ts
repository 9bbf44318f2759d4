import { openApiDocument } from "@/lib/server/openapi";
import { json, route } from "@/lib/server/route";

// GET /v1/openapi.json: the OpenAPI 3.1 description of /v1 and /api (public)
export const GET = route({ auth: "public" }, async () =>
  json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }),
);
