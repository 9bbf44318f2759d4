import http from "node:http";

export interface CountingProxy {
  url: string;
  /** Every request forwarded since the last reset: when (epoch ms), method, path and query. */
  seen: { at: number; method: string; path: string; query: URLSearchParams }[];
  reset(): void;
  close(): Promise<void>;
}

/** A loopback HTTP proxy in front of one server that records what passes through (tests count Kratos calls). */
export async function countingProxy(target: string): Promise<CountingProxy> {
  const to = new URL(target);
  const seen: CountingProxy["seen"] = [];
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", to);
    seen.push({ at: Date.now(), method: req.method ?? "GET", path: u.pathname, query: u.searchParams });
    const out = http.request(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: to.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on("error", () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    reset: () => void seen.splice(0),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
