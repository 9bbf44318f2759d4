import { getCourierMessage } from "@/lib/server/kratos";
import { json, methodNotAllowed, route } from "@/lib/server/http/route";
import { idParamsSchema } from "@/lib/schemas/common";

// GET /api/auth/courier/messages/[id]: one courier message with its body
export const GET = route({ auth: "admin", params: idParamsSchema }, async ({ params }) => json(await getCourierMessage(params.id)));

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
