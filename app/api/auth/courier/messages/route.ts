import { listCourierMessages } from "@/lib/server/kratos";
import { json, methodNotAllowed, route } from "@/lib/server/http/route";
import { listCourierMessagesQuerySchema } from "@/lib/schemas/courier";

// GET /api/auth/courier/messages: what Kratos's courier sent or queued, newest first (status, recipient filters)
export const GET = route({ auth: "admin", query: listCourierMessagesQuerySchema }, async ({ query }) => json(await listCourierMessages(query)));

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
