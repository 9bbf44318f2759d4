import "server-only";
import { endpoint } from "@/lib/server/http/endpoint";
import { idParamsSchema } from "@/lib/schemas/common";
import { listSessionsQuerySchema, sessionPageSchema, sessionSchema } from "@/lib/schemas/session";

export const sessionEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/auth/sessions",
    summary: "Active sessions across all users (or one user's with identity_id)",
    tag: "Sessions",
    auth: "admin",
    query: listSessionsQuerySchema,
    response: sessionPageSchema,
  }),
  revoke: endpoint({
    method: "DELETE",
    path: "/api/auth/sessions/{id}",
    summary: "Revoke one session",
    tag: "Sessions",
    auth: "admin",
    params: idParamsSchema,
  }),
  extend: endpoint({
    method: "PATCH",
    path: "/api/auth/sessions/{id}/extend",
    summary: "Extend a session by Kratos's session lifespan",
    tag: "Sessions",
    auth: "admin",
    params: idParamsSchema,
    response: sessionSchema,
  }),
};
