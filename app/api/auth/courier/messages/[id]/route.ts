import { getMessage } from "@/lib/server/handlers/courier";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /api/auth/courier/messages/[id]
export const GET = route(e.courier.get, getMessage);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
