import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Actor } from "@/lib/server/http/actor";
import type { Endpoint } from "@/lib/server/http/endpoint";
import { apiKeyFromRequest, verifyApiKey } from "@/lib/server/services/api-keys";
import { readJsonBody, SINGLE_OP_LIMIT } from "@/lib/server/http/body";
import { checkCsrf } from "@/lib/server/http/csrf";
import { env } from "@/lib/server/env";
import { ApiError, JSON_TYPE, toErrorResponse, zodIssues } from "@/lib/server/http/errors";
import { describeIssues } from "@/lib/schemas/error";
import { clientIp, newRequestId } from "@/lib/server/http/request-info";
import { verifyAdminRequest, type AdminSession } from "@/lib/server/http/session";
import { verifyHookSecret } from "@/lib/server/http/hook-auth";
import "@/lib/server/services/identity-index"; // registers the index as the observer of Truss's own Kratos writes
import { resealDue, sessionSetCookie } from "@/lib/session-cookie";

export type { RouteAuth } from "@/lib/server/http/endpoint";

export interface RouteContext<P = undefined, Q = undefined, B = undefined> {
  req: NextRequest;
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  admin: AdminSession | null;
  ip: string;
  requestId: string;
}

/** What route() needs to serve a request: an endpoint declaration (lib/server/endpoints) has all of it. */
type RouteOptions<P, Q, B> = Pick<
  Endpoint<P, Q, B>,
  "auth" | "params" | "query" | "body" | "maxBody" | "csrf" | "recentAuth"
> &
  Partial<Endpoint<P, Q, B>>;

/** A Next route handler, carrying the declaration it was made from (the OpenAPI drift test reads it). */
export type RouteHandler = ((req: NextRequest, nextCtx?: NextCtx) => Promise<Response>) & {
  endpoint?: Endpoint<unknown, unknown, unknown>;
  /** A 405 answer for a verb the route does not serve. */
  refusal?: true;
};

type NextCtx = { params: Promise<Record<string, string | string[]>> };

/**
 * The one way to write a route handler: auth (re-verified here; middleware is only a first gate), CSRF on
 * cookie mutations, zod for params/query/body (unknown query params are dropped, never forwarded),
 * one error envelope and a request id on every answer.
 */
export function route<P = undefined, Q = undefined, B = undefined>(
  opts: RouteOptions<P, Q, B>,
  handler: (ctx: RouteContext<P, Q, B>) => Promise<Response>,
): RouteHandler {
  const serve = async (req: NextRequest, nextCtx?: NextCtx): Promise<Response> => {
    const requestId = newRequestId();
    try {
      const rawParams = (await nextCtx?.params) ?? {};
      const params = (opts.params ? parse(opts.params, rawParams, "path") : undefined) as P;
      const query = (
        opts.query ? parse(opts.query, Object.fromEntries(req.nextUrl.searchParams), "query") : undefined
      ) as Q;
      let actor: Actor = { type: "anonymous", id: null, label: null };
      let admin: AdminSession | null = null;
      let extraHeaders: Record<string, string> = {};
      if (opts.auth === "admin") {
        // Even with auth disabled: a foreign page must not drive a local dashboard.
        checkCsrf(req, !!opts.body);
        admin = await verifyAdminRequest(req);
        actor = admin.actor;
      } else if (opts.auth === "service_role" || opts.auth === "any_key") {
        const { key, headers } = await verifyApiKey(
          apiKeyFromRequest(req),
          opts.auth === "service_role" ? "service_role" : "anon",
        );
        actor = { type: "api_key", id: key.id, label: key.label };
        extraHeaders = headers;
      } else if (opts.auth === "hook") {
        verifyHookSecret(req); // no cookie is read here: a shared secret, not a browser, authenticates the caller
      } else if (opts.body || opts.csrf) {
        checkCsrf(req, !!opts.body);
      }
      let body = undefined as B;
      if (opts.body) {
        const raw = await readJsonBody(req, opts.maxBody ?? SINGLE_OP_LIMIT);
        if (raw === undefined) throw new ApiError("invalid_request", "A JSON body is required.");
        body = parse(opts.body, raw, "body");
      }
      const sensitive = typeof opts.recentAuth === "function" ? opts.recentAuth(body) : !!opts.recentAuth;
      if (sensitive && admin?.payload) assertRecentAuth(admin.payload.aat);
      const res = await handler({ req, params, query, body, actor, admin, ip: clientIp(req), requestId });
      res.headers.set("X-Request-Id", requestId);
      if (!res.headers.has("Cache-Control")) res.headers.set("Cache-Control", "no-store");
      for (const [k, v] of Object.entries(extraHeaders)) res.headers.set(k, v);
      if (admin?.payload && resealDue(admin.payload) && !res.headers.has("Set-Cookie")) {
        // Sliding idle window, re-sealed every quarter of the idle limit.
        res.headers.append("Set-Cookie", await sessionSetCookie({ ...admin.payload, lsa: Date.now() }, req));
      }
      return res;
    } catch (err) {
      return toErrorResponse(err, requestId);
    }
  };
  return opts.method && opts.path
    ? Object.assign(serve, { endpoint: opts as Endpoint<unknown, unknown, unknown> })
    : serve;
}

/** Refuses sensitive actions on a sign-in older than TRUSS_REAUTH_MINUTES; the GUI then asks for the password. */
function assertRecentAuth(authenticatedAt: number): void {
  const minutes = env().TRUSS_REAUTH_MINUTES;
  if (Date.now() - authenticatedAt > minutes * 60_000)
    throw new ApiError(
      "reauth_required",
      `Confirm your password to continue: this action needs a sign-in from the last ${minutes} minutes.`,
    );
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = zodIssues(r.error);
  throw new ApiError("validation_failed", describeIssues(issues, `Invalid ${where}.`), { details: { issues } });
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", JSON_TYPE);
  return Response.json(data, { ...init, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

type Verb = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Handlers for the verbs a route does not serve: 405 in the one envelope, with Allow (Next's own 405 has neither). */
export function methodNotAllowed(allowed: Verb[]) {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = route({ auth: "public" }, async ({ req }) => {
    throw new ApiError("method_not_allowed", `${req.method} is not allowed here. Allowed: ${allow}.`, {
      headers: { Allow: allow },
    });
  });
  const marked = Object.assign(refuse, { refusal: true as const });
  return { GET: marked, POST: marked, PUT: marked, PATCH: marked, DELETE: marked };
}
