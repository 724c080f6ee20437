// The HTTP server the webhook modes share. GET /healthz (liveness): 200 while the process serves,
// 503 once shutdown has begun. GET /readyz (readiness): 200 when the database answers and every
// migration is applied, 503 otherwise (load balancers stop routing to it), with the outbox's
// backlog, the job runs that failed and the platform connections. POST routes (the Telegram
// webhook, Slack's events) run behind an error boundary: whatever a request carries — a body that
// is not JSON, one far too large, a handler that fails or takes too long — it gets a 4xx/5xx
// answer and the process keeps serving.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface HealthSource {
  readonly accepting: boolean;
  ping(): Promise<void>;
  /** What /readyz reports; without it, readiness is the database answering. */
  readiness?(): Promise<Readiness>;
}

export interface Readiness {
  ready: boolean;
  [detail: string]: unknown;
}

export interface HttpServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A webhook's handler. */
export type Route = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Extra routes by exact path for POST requests (webhooks); a key "GET /prefix/" serves GET requests
 * under that prefix (calendar feeds). Looked up per request.
 */
export type Routes = ReadonlyMap<string, Route>;

function getRoute(routes: Routes, path: string): Route | undefined {
  for (const [key, route] of routes)
    if (key.startsWith("GET /") && path.startsWith(key.slice(4))) return route;
  return undefined;
}

/** Platform updates are small; anything larger is not one (Telegram's and Slack's are kilobytes). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A route's failure, for the log: which path, and what went wrong. */
export type RouteError = (error: unknown, path: string) => void;

export async function startHttpServer(
  host: string,
  port: number,
  health: HealthSource,
  routes: Routes = new Map(),
  onRouteError: RouteError = () => undefined,
): Promise<HttpServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const read = req.method === "GET" ? getRoute(routes, url.pathname) : undefined;
    if (read) {
      if (!health.accepting) return void res.writeHead(503).end();
      return void guarded(read, req, res, (error) => onRouteError(error, url.pathname));
    }
    const route = req.method === "POST" ? routes.get(url.pathname) : undefined;
    if (route) {
      if (!health.accepting) return void res.writeHead(503).end();
      if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
        req.resume();
        return void res.writeHead(413).end();
      }
      return void guarded(route, req, res, (error) => onRouteError(error, url.pathname));
    }
    const answer = (status: number, body: object) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (req.method === "GET" && url.pathname === "/healthz") {
      return answer(health.accepting ? 200 : 503, { status: health.accepting ? "ok" : "shutting_down" });
    }
    if (req.method === "GET" && url.pathname === "/readyz") {
      if (!health.accepting) return answer(503, { status: "shutting_down" });
      const report = health.readiness
        ? health.readiness()
        : health.ping().then(() => ({ ready: true, database: "ok" }));
      report.then(
        ({ ready, ...details }) =>
          answer(ready ? 200 : 503, { status: ready ? "ready" : "not_ready", ...details }),
        () => answer(503, { status: "not_ready", database: "unavailable" }),
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

/** Runs a route so that nothing it throws or rejects escapes: the request gets an answer instead. */
async function guarded(
  route: (req: IncomingMessage, res: ServerResponse) => unknown,
  req: IncomingMessage,
  res: ServerResponse,
  onError: (error: unknown) => void,
): Promise<void> {
  try {
    await route(req, res);
  } catch (error) {
    onError(error);
    // A body that is not JSON is the sender's fault; anything else is ours.
    if (!res.headersSent) res.writeHead(error instanceof SyntaxError ? 400 : 500).end();
    else if (!res.writableEnded) res.end();
  }
}
