// GET /calendar/<token>.ics: a person's meetings as iCalendar. The token is the only key: an
// unknown or revoked one gets the same 404 as a path that never existed, and the feed is never
// cached by proxies (it carries a private token in its address).
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Route } from "./health-server.js";

export const CALENDAR_PREFIX = "/calendar/";
const token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export function calendarRoute(feed: (token: string) => Promise<string | null>): Route {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const parsed = token.safeParse(path.slice(CALENDAR_PREFIX.length).replace(/\.ics$/, ""));
    const body = parsed.success ? await feed(parsed.data) : null;
    if (body === null)
      return void res.writeHead(404, { "content-type": "application/json" }).end('{"status":"not_found"}');
    res
      .writeHead(200, {
        "content-type": "text/calendar; charset=utf-8",
        "cache-control": "private, no-store",
        "content-disposition": 'inline; filename="meetings.ics"',
      })
      .end(body);
  };
}
