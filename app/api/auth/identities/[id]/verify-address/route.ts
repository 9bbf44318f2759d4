import { verifyAddress } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";
import { verifyAddressBodySchema } from "@/lib/schemas/identity";

// POST /api/auth/identities/:id/verify-address: mark an email address as verified
export const POST = route({ auth: "admin", params: idParamsSchema, body: verifyAddressBodySchema }, verifyAddress);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
