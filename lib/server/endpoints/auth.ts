import "server-only";
import { endpoint } from "@/lib/server/http/endpoint";
import {
  loginBodySchema,
  loginFlowSchema,
  reauthBodySchema,
  reauthResultSchema,
  sessionInfoSchema,
  setupBodySchema,
} from "@/lib/schemas/auth";
import { identitySchema } from "@/lib/schemas/identity";

export const authEndpoints = {
  startLogin: endpoint({
    method: "GET",
    path: "/api/auth/login",
    summary: "Start a Kratos API login flow (id and expiry only; 30 a minute per client)",
    tag: "Auth",
    auth: "public",
    response: loginFlowSchema,
    errors: ["rate_limited"],
  }),
  login: endpoint({
    method: "POST",
    path: "/api/auth/login",
    summary: "Sign in with email and password (admins only; sets the truss_session cookie)",
    tag: "Auth",
    auth: "public",
    body: loginBodySchema,
    response: identitySchema,
    errors: ["unauthorized", "rate_limited"],
  }),
  logout: endpoint({
    method: "POST",
    path: "/api/auth/logout",
    summary: "Sign out (revokes the Kratos session, clears the cookie)",
    tag: "Auth",
    auth: "public",
    csrf: true,
  }),
  session: endpoint({
    method: "GET",
    path: "/api/auth/session",
    summary: "The signed-in admin",
    tag: "Auth",
    auth: "admin",
    response: sessionInfoSchema,
  }),
  reauth: endpoint({
    method: "POST",
    path: "/api/auth/reauth",
    summary: "Confirm the password: sensitive actions work for TRUSS_REAUTH_MINUTES after",
    tag: "Auth",
    auth: "admin",
    body: reauthBodySchema,
    response: reauthResultSchema,
    errors: ["unauthorized", "rate_limited"],
  }),
  setup: endpoint({
    method: "POST",
    path: "/api/setup",
    summary:
      "Create the first admin with the setup token printed at start (single use, one hour, only while Kratos has no admin)",
    tag: "Auth",
    auth: "public",
    body: setupBodySchema,
    response: identitySchema,
    status: 201,
    errors: ["forbidden", "conflict"],
  }),
};
