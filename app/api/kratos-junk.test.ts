import fs from "node:fs";
import http from "node:http";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { call } from "@/lib/testing/harness";

// A "Kratos" that answers 200 with the wrong thing: an HTML page (a proxy's login page) or wrong-typed JSON.
let mode: "html" | "wrong-json" = "html";
const junk = http.createServer((_req, res) => {
  if (mode === "html") {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><html><body>Please sign in to the proxy</body></html>");
  } else {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify([{ id: 5, traits: "nope", state: ["x"] }]));
  }
});
await new Promise<void>((r) => junk.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${(junk.address() as net.AddressInfo).port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-junk-"));
Object.assign(process.env, {
  KRATOS_PUBLIC_URL: url,
  KRATOS_ADMIN_URL: url,
  TRUSS_DATA_DIR: dataDir,
  TRUSS_AUTH_REQUIRED: "false", // no whoami in the way: the list call itself meets the junk
  TRUSS_SESSION_SECRET: "test-secret-that-is-at-least-32-characters-long",
});
const identities = await import("@/app/api/auth/identities/route");
const sessions = await import("@/app/api/auth/sessions/route");

afterAll(() => {
  junk.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("Kratos answers 200 with the wrong thing", () => {
  it.each(["html", "wrong-json"] as const)(
    "%s: the lists answer 502 upstream_invalid, never junk rows or a 500",
    async (m) => {
      mode = m;
      // The users list reads the index; its Kratos-compatible exact lookup still asks Kratos.
      for (const [handler, url] of [
        [identities.GET, "/api/auth/x?credentials_identifier=a@example.test"],
        [sessions.GET, "/api/auth/x"],
      ] as const) {
        const r = await call(handler, url);
        expect(r.status).toBe(502);
        expect(r.body).toMatchObject({ error: { id: "upstream_invalid", code: 502 } });
      }
    },
  );
});
