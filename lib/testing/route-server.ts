import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** A route module's verbs (`await import("@/app/api/…/route")`), or a loader for it, called on first request. */
export type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;
export type RouteTarget = RouteModule | (() => Promise<RouteModule>);

export interface RouteServer {
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

/** The socket address as `npm start` (scripts/server.mjs) passes it on: no port, IPv4-mapped form unwrapped. */
const address = (s: { remoteAddress?: string }) =>
  (s.remoteAddress ?? "unknown").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");

/**
 * Serves route handlers over real HTTP on 127.0.0.1 (a free port), for callers that are not the test itself, e.g.
 * Kratos's web hooks. Requests become NextRequests as `call()` builds them (x-truss-client-ip set from the socket,
 * as scripts/server.mjs does). A loader runs on the first request, so the route is imported after env is set.
 * @example
 * const s = await serveRoutes({ "/api/hooks/kratos": () => import("@/app/api/hooks/kratos/route") });
 */
export async function serveRoutes(routes: Record<string, RouteTarget>): Promise<RouteServer> {
  const loaded = new Map<string, Promise<RouteModule>>();
  const moduleFor = (path: string): Promise<RouteModule> | undefined => {
    const target = routes[path];
    if (!target) return undefined;
    if (typeof target !== "function") return Promise.resolve(target);
    let m = loaded.get(path);
    if (!m) loaded.set(path, (m = target()));
    return m;
  };
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
        const mod = moduleFor(url.pathname);
        const handler = (await mod)?.[req.method as keyof RouteModule];
        if (!mod || !handler) {
          res.writeHead(mod ? 405 : 404).end();
          return;
        }
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers))
          if (k !== "x-truss-client-ip" && v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
        headers.set("x-truss-client-ip", address(req.socket));
        const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
        const out = await handler(new NextRequest(url, { method: req.method, headers, body }), {
          params: Promise.resolve({}),
        });
        const payload = Buffer.from(await out.arrayBuffer());
        res.writeHead(out.status, Object.fromEntries(out.headers)).end(payload);
      } catch (err) {
        console.error("[route-server]", err);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
