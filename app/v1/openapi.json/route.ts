import { openApiDocument } from "@/lib/server/openapi";
import { json, route, methodNotAllowed } from "@/lib/server/route";

// GET /v1/openapi.json: the OpenAPI 3.1 description of /v1 and /api (public)
export const GET = route({ auth: "public" }, async () =>
  json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }),
);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
