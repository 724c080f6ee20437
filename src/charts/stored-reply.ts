// A reply queued whole (a notice, a report); one that carries a chart gets it drawn and attached
// as an image on the machine that sends it, so the picture survives a restart.

import type { Reply } from "../core/reply.js";
import type { DrawingContext } from "../delivery/outbox-kinds.js";
import { chartRenderer } from "./chart-service.js";

export async function drawStoredReply(payload: string, { files }: DrawingContext<unknown>): Promise<Reply> {
  const reply = JSON.parse(payload) as Reply;
  if (!reply.chart) return reply;
  const { chart, ...rest } = reply;
  const file = await (await chartRenderer()).writeChartPng(chart, (name) => files.place("charts", name));
  return { ...rest, attachment: { kind: "image", ...file } };
}
