import "server-only";
import type { z } from "zod";
import type { ErrorId } from "@/lib/schemas/error";

/**
 * admin: dashboard cookie; service_role / any_key: /v1 API key; hook: Kratos's web hooks (TRUSS_HOOK_SECRET);
 * public: nobody (login, health).
 */
export type RouteAuth = "admin" | "service_role" | "any_key" | "hook" | "public";
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One endpoint, declared once (lib/server/endpoints): route() takes auth, schemas and limits from it, and the
 * OpenAPI document is generated from the same declarations, so nothing is written twice.
 */
export interface Endpoint<P = undefined, Q = undefined, B = undefined> {
  method: Method;
  /** OpenAPI form, e.g. /api/auth/identities/{id}; it matches the app/ folder of the route file. */
  path: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** The success body; none means 204 No Content. */
  response?: z.ZodType;
  /** The success status when not 200 (201 on creates). */
  status?: number;
  /** Error ids this endpoint answers besides the ones every endpoint of its kind can (documented). */
  errors?: ErrorId[];
  maxBody?: number;
  /** Cookie-reading public routes that mutate (logout): same Origin and content-type rules as admin routes. */
  csrf?: boolean;
  /** Sensitive: the admin must have entered their password within TRUSS_REAUTH_MINUTES (true, or per body). */
  recentAuth?: boolean | ((body: B) => boolean);
}

export function endpoint<P = undefined, Q = undefined, B = undefined>(e: Endpoint<P, Q, B>): Endpoint<P, Q, B> {
  return e;
}
