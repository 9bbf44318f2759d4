import { afterAll, describe, expect, it } from "vitest";
import { createEmbeddedKratos, openStore, resolveConfig } from "./index";

const store = openStore(":memory:");
const urls = { publicBaseUrl: "http://public.test", adminBaseUrl: "http://admin.test" };
const k = createEmbeddedKratos({
  store,
  config: resolveConfig({ bcryptCost: 4, unknownIdentifierDelayMs: [0, 0] }, urls),
});
afterAll(() => store.close());

const json = (method: string, body: string) => ({ method, headers: { "Content-Type": "application/json" }, body });
const uuid = "4a2f5f0c-1b1e-4c3a-9d6e-0f1e2d3c4b5a";

// [app, path, init] triples of hostile or malformed client input.
const cases: ["public" | "admin", string, RequestInit?][] = [
  ["admin", "/identities", json("POST", "[]")],
  ["admin", "/identities", json("POST", "null")],
  ["admin", "/identities", json("POST", '{"traits":"x"}')],
  ["admin", "/identities", json("POST", '{"traits":{"email":"a@b.c"},"external_id":5}')],
  ["admin", "/identities", json("POST", '{"traits":{"email":"a@b.c"},"credentials":"x"}')],
  [
    "admin",
    "/identities",
    json("POST", '{"traits":{"email":"a@b.c"},"credentials":{"oidc":{"config":{"providers":[1]}}}}'),
  ],
  ["admin", "/identities", json("PATCH", '{"identities":"x"}')],
  ["admin", "/identities", json("PATCH", '{"identities":[1]}')],
  ["admin", "/identities", json("PATCH", '{"identities":[{"create":[]}]}')],
  ["admin", "/identities", json("PATCH", "")],
  ["admin", `/identities/${uuid}`, json("PUT", "[]")],
  ["admin", `/identities/${uuid}`, json("PATCH", "{}")],
  ["admin", "/identities?page_size=abc", undefined],
  ["admin", "/identities?page_token=%00", undefined],
  ["admin", "/sessions?page_token=!!!", undefined],
  ["admin", "/sessions?active=maybe", undefined],
  ["admin", `/identities/${uuid}/sessions?page_token=zzz`, undefined],
  ["admin", "/recovery/code", json("POST", '{"identity_id":5}')],
  ["admin", "/recovery/link", json("POST", '{"identity_id":"x","expires_in":7}')],
  ["public", "/self-service/login?flow=x", json("POST", "{")],
  ["public", "/self-service/login/api?refresh=perhaps", undefined],
  ["public", "/self-service/logout/api", json("DELETE", "[]")],
  ["public", "/sessions/whoami", { headers: { Authorization: "Bearer" } }],
  ["public", "/schemas/%E0%A4%A", undefined],
];

describe("client input never causes a 500", () => {
  it.each(cases)("%s %s", async (app, path, init) => {
    const res = await (app === "admin" ? k.adminApp : k.publicApp).request(path, init);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as { error?: { code: number; message: string } };
    expect(body.error?.code).toBe(res.status);
  });
});
