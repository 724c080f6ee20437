// exceljs, loaded once. Loading it takes ~0.5 s and ~27 MB and its writer's code is compiled on
// first use, so it is not loaded with the bot's modules: a running bot loads it and writes one
// throw-away row in the background soon after start-up (preloadExcel), before a secretary's first
// /export or roster import would otherwise wait for both.
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";

let loading: Promise<typeof ExcelJS> | undefined;

type SheetTarget = Pick<ExcelJS.Workbook, "addWorksheet">;

/** A sheet's columns from their headers and widths, in order: `columns({ 姓名: 10, 日期: 12 })`. */
export function columns(widths: Record<string, number>): { header: string; width: number }[] {
  return Object.entries(widths).map(([header, width]) => ({ header, width }));
}

/** A sheet in the 台账's style: bold header row, frozen, with filters on every column. */
export function addSheet(workbook: SheetTarget, name: string, columns: { header: string; width: number }[]) {
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

export function excel(): Promise<typeof ExcelJS> {
  loading ??= import("exceljs").then((m) => m.default);
  return loading;
}

/** Loads exceljs and streams a one-row workbook nowhere, as an export's writer would. */
export async function warmExcel(): Promise<void> {
  const lib = await excel();
  const workbook = new lib.stream.xlsx.WorkbookWriter({
    stream: new PassThrough().resume(),
    useStyles: true,
  });
  const sheet = workbook.addWorksheet("warm-up", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [{ header: "姓名", width: 10 }];
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(["✓"]).commit();
  sheet.commit();
  await workbook.commit();
}

/** Warms exceljs after `delayMs` without holding the process open; a failure surfaces on use. */
export function preloadExcel(delayMs: number): void {
  setTimeout(() => {
    warmExcel().catch(() => {
      loading = undefined;
    });
  }, delayMs).unref();
}
