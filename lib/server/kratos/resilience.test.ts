import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { resilientAxios } from "@/lib/server/kratos/resilience";

// A server that answers 503 to the first request of each path, then 200.
const seen = new Map<string, number>();
const server = http.createServer((req, res) => {
  const n = (seen.get(req.url!) ?? 0) + 1;
  seen.set(req.url!, n);
  res.statusCode = n === 1 ? 503 : 200;
  res.end("{}");
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const closedPort = await new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address() as AddressInfo;
    s.close(() => resolve(port));
  });
});
afterAll(() => server.close());

describe("Kratos call resilience", () => {
  it("retries an idempotent GET after a 503", async () => {
    const res = await resilientAxios(2000).get(`${base}/get`);
    expect(res.status).toBe(200);
    expect(seen.get("/get")).toBe(2);
  });

  it("never retries a POST (it may have succeeded)", async () => {
    await expect(resilientAxios(2000).post(`${base}/post`, {})).rejects.toMatchObject({ response: { status: 503 } });
    expect(seen.get("/post")).toBe(1);
  });

  it("opens the circuit after repeated connection failures and fails fast until it closes", async () => {
    let clock = 1_000_000;
    const client = resilientAxios(500, () => clock);
    for (let i = 0; i < 2; i++) await expect(client.get(`http://127.0.0.1:${closedPort}/`)).rejects.toBeDefined(); // 3 attempts each
    await expect(client.get(`${base}/open`)).rejects.toMatchObject({ code: "ECIRCUITOPEN" });
    expect(seen.get("/open")).toBeUndefined();
    clock += 10_001;
    expect((await client.get(`${base}/closed-again`)).status).toBe(200); // 503, then the retry succeeds
    expect(seen.get("/closed-again")).toBe(2);
  });
});
