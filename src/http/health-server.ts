// The HTTP server that webhook modes will share. For now it answers GET /healthz: 200 when the
// bot takes updates and its database answers, 503 otherwise (load balancers stop routing to it).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface HealthSource {
  readonly accepting: boolean;
  ping(): Promise<void>;
}

export interface HttpServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Extra routes (webhooks) by exact path, for POST requests. */
export type Routes = ReadonlyMap<string, (req: IncomingMessage, res: ServerResponse) => unknown>;

export async function startHttpServer(
  host: string,
  port: number,
  health: HealthSource,
  routes: Routes = new Map(),
): Promise<HttpServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = req.method === "POST" ? routes.get(url.pathname) : undefined;
    if (route) {
      if (!health.accepting) return void res.writeHead(503).end();
      return void route(req, res);
    }
    if (req.method === "GET" && url.pathname === "/healthz") {
      const answer = (status: number, body: object) => {
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      };
      if (!health.accepting) return answer(503, { status: "shutting_down" });
      health.ping().then(
        () => answer(200, { status: "ok" }),
        () => answer(503, { status: "database_unavailable" }),
      );
      return;
    }
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ status: "not_found" }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
