// `npm start` (and `npm run dev` with --dev): Next's server behind a plain Node HTTP server, so Truss knows the client's socket
// address. Any client-sent x-truss-client-ip is replaced; routes trust it only when this server set the flag.
import http from "node:http";
import next from "next";

const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 8787);
const HEADER = "x-truss-client-ip";

globalThis.__trussSocketAddressHeader = HEADER;
const dev = process.argv.includes("--dev");
const app = next({ dev, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();
// Next starts instrumentation without waiting for it: wait here, so a bad configuration exits before we listen.
for (let i = 0; i < 600 && !globalThis.__trussBoot; i++) await new Promise((r) => setTimeout(r, 50));
await globalThis.__trussBoot;

/** ::ffff:203.0.113.7 → 203.0.113.7; no port, ever. */
const address = (socket) => (socket.remoteAddress ?? "unknown").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");

const server = http.createServer((req, res) => {
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2)
    if (req.rawHeaders[i].toLowerCase() === HEADER) req.rawHeaders.splice(i, 2);
  req.headers[HEADER] = address(req.socket);
  void handle(req, res);
});
server.listen(port, hostname, () => console.log(`[truss] ready on http://${hostname}:${port}`));
const stop = () => server.close(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
