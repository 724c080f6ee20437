// The branch's 台账 for a period as a real .xlsx (or the meeting ledger as CSV): the ledger of the
// meetings held (attendance, the quorum verdict, host and recorder), the meetings planned or
// cancelled on their own sheet, the attendance matrix (✓ 迟到 请假 因公 病假 无故), leave requests
// (rejected ones too), points and absence warnings, with Chinese headers,
// frozen header rows, sensible widths, times in the organisation's zone and phones masked.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import type { Translate } from "../core/i18n.js";
import { excel } from "./excel.js";
import { LEDGER_HEADERS, LEDGER_SHEETS, type LedgerExportData, ledgerRows } from "./ledger-sheets.js";

type SheetWriter = { addWorksheet: ExcelJS.Workbook["addWorksheet"] };

/** One sheet with a bold, frozen header row, its rows written and committed as they are added. */
function sheet(
  workbook: SheetWriter,
  name: string,
  columns: { header: string; width: number }[],
  rows: unknown[][],
) {
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row).commit();
  // A streamed sheet is finished by its commit; an in-memory one (the CSV) has none.
  (ws as { commit?: () => void }).commit?.();
  return ws;
}

/**
 * Streams the workbook to disk (exceljs' streaming writer compresses with the native zlib, many
 * times faster than the in-memory writer's JavaScript deflate).
 */
export async function writeLedgerWorkbook(data: LedgerExportData, t: Translate, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const workbook = new (await excel()).stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  workbook.creator = "党支部助手";
  for (const spec of LEDGER_SHEETS) {
    sheet(
      workbook,
      spec.name,
      spec.columns(data, t).map(([header, width]) => ({ header, width })),
      spec.rows(data, t),
    );
  }
  await workbook.commit();
}

export async function writeLedgerCsv(data: LedgerExportData, t: Translate, file: string): Promise<void> {
  const workbook = new (await excel()).Workbook();
  sheet(
    workbook,
    "会议台账",
    LEDGER_HEADERS.map((header) => ({ header, width: 12 })),
    ledgerRows(data, t),
  );
  mkdirSync(path.dirname(file), { recursive: true });
  await workbook.csv.writeFile(file, { sheetName: "会议台账", formatterOptions: { writeBOM: true } });
}
