import { listIdentitySessions, revokeIdentitySessions } from "@/lib/server/handlers/identities";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /v1/auth/identities/[id]/sessions
export const GET = route(e.v1.sessions, listIdentitySessions);

// DELETE /v1/auth/identities/[id]/sessions
export const DELETE = route(e.v1.revokeSessions, revokeIdentitySessions);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH } = methodNotAllowed(["GET", "DELETE"]);
