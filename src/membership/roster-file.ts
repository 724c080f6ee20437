// Reads a roster as secretaries keep it (CSV or XLSX, Chinese headers) into raw rows with their
// line numbers, so every complaint can point at the line in the secretary's own file.
import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { DateTime } from "luxon";
import { excel } from "../exports/excel.js";

export interface RawRow {
  line: number;
  cells: Record<string, string>;
}

export async function readRosterFile(filename: string, bytes: Buffer): Promise<RawRow[]> {
  const lower = filename.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return readCsv(bytes);
  if (lower.endsWith(".xlsx")) return readXlsx(bytes);
  throw new UnsupportedRosterFile(filename);
}

export class UnsupportedRosterFile extends Error {}

function readCsv(bytes: Buffer): RawRow[] {
  const records = parse(bytes, {
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
}

async function readXlsx(bytes: Buffer): Promise<RawRow[]> {
  const workbook = new (await excel()).Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    header[col] = cellText(cell.value).trim();
  });
  const rows: RawRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const name = header[col];
      if (name) cells[name] = cellText(cell.value).trim();
    });
    if (Object.values(cells).some((v) => v !== "")) rows.push({ line: number, cells });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  // Excel keeps dates as UTC midnight of the calendar day typed.
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone: "utc" }).toISODate() ?? "";
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
  }
  return String(value);
}
