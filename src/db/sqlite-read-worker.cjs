// A read worker (sqlite-raw-sql.ts starts two): runs the PAGE reads it is sent on a connection of
// its own, beside the main thread's JavaScript, and sends the rows back by copy.
"use strict";

const { parentPort, workerData } = require("node:worker_threads");
const { openReader } = require("./sqlite-statements.cjs");

const reader = openReader(workerData.driver, workerData.file);

parentPort.on("message", ({ id, text, values }) => {
  try {
    parentPort.postMessage({ id, rows: reader.all(text, values) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error?.message), code: error?.code } });
  }
});
