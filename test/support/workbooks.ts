import ExcelJS from "exceljs";
import type { Reply } from "../../src/core/reply.js";

/** Opens the workbook a reply carries. */
export async function workbookOf(reply: Reply | undefined): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(reply?.attachment?.path ?? "");
  return book;
}

/** Every row of a sheet, header included, each without ExcelJS's empty first cell. */
export const rowsOf = (book: ExcelJS.Workbook, sheet: string): unknown[][] => {
  const rows: unknown[][] = [];
  book.getWorksheet(sheet)?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
};
