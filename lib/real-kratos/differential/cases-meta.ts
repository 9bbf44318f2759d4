import type { Case } from "./case";

/** Health, version, schemas, courier and the port redirects. */
export const metaCases: Case[] = [
  { name: "GET /health/alive (public)", run: async (_t, r) => void (await r.http("alive", "GET", "/health/alive")) },
  { name: "GET /health/ready (public)", run: async (_t, r) => void (await r.http("ready", "GET", "/health/ready")) },
  {
    name: "GET /health/alive (admin)",
    run: async (_t, r) => void (await r.http("alive", "GET", "admin:/health/alive")),
  },
  {
    name: "GET /health/ready (admin)",
    run: async (_t, r) => void (await r.http("ready", "GET", "admin:/health/ready")),
  },
  { name: "GET /version (admin)", run: async (_t, r) => void (await r.http("version", "GET", "admin:/version")) },
  { name: "GET /version (public) is 404", run: async (_t, r) => void (await r.http("version", "GET", "/version")) },
  { name: "GET /schemas", run: async (_t, r) => void (await r.http("list", "GET", "/schemas")) },
  {
    name: "GET /schemas?page_size=1&page=0",
    run: async (_t, r) => void (await r.http("list", "GET", "/schemas?per_page=1&page=0")),
  },
  {
    name: "GET /schemas/{id} (plain and base64url)",
    run: async (_t, r) => {
      await r.http("plain", "GET", "/schemas/default");
      await r.http("base64url", "GET", "/schemas/ZGVmYXVsdA");
    },
  },
  {
    name: "GET /schemas/{unknown} is 404",
    run: async (_t, r) => void (await r.http("unknown", "GET", "/schemas/nope")),
  },
  {
    name: "GET /schemas on the admin port redirects",
    run: async (_t, r) => void (await r.http("admin", "GET", "admin:/schemas/default")),
  },
  {
    name: "public /admin/identities redirects to the admin port",
    run: async (_t, r) => {
      await r.http("prefixed", "GET", "/admin/identities?page_size=1");
      await r.http("bare", "GET", "/identities");
    },
  },
  {
    name: "GET /admin/courier/messages",
    run: async (_t, r) => void (await r.http("list", "GET", "admin:/admin/courier/messages")),
  },
  {
    name: "GET /admin/courier/messages/{unknown}",
    run: async (_t, r) =>
      void (await r.http("get", "GET", "admin:/admin/courier/messages/7d2a5d4c-0a6e-4e0c-9b63-5d1f6c1b2a11")),
  },
  {
    name: "unknown admin route is 404",
    run: async (_t, r) => void (await r.http("unknown", "GET", "admin:/admin/nothing-here")),
  },
];
