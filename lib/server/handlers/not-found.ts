import "server-only";
import { ApiError } from "@/lib/server/http/errors";
import { route } from "@/lib/server/http/route";

// Unknown API paths answer with the JSON envelope, not the HTML 404 page.
const notFound = route({ auth: "public" }, async ({ req }) => {
  throw new ApiError("not_found", `No API endpoint at ${req.method} ${req.nextUrl.pathname}.`);
});

export const notFoundHandlers = { GET: notFound, POST: notFound, PUT: notFound, PATCH: notFound, DELETE: notFound };
