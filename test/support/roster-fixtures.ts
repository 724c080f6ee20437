// Realistic rosters as secretaries keep them: Chinese names, 正式/预备, joining dates, phones.
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海波鹏辉玲宇晨浩然思雨佳琪欣怡梓涵俊博文斌立新云峰德";

export interface RosterLine {
  姓名: string;
  类别: string;
  入党时间: string;
  手机号: string;
  党小组: string;
}

export function makeRoster(count: number, groups: string[]): RosterLine[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i >= SURNAMES.length ? GIVEN[(i * 13) % GIVEN.length] : ""}`;
    const year = 1970 + (i % 50);
    return {
      姓名: name,
      类别: i % 10 === 9 ? "预备党员" : "正式党员",
      入党时间: `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
      手机号: `139${String(10_000_000 + i).padStart(8, "0")}`,
      党小组: groups[i % groups.length] ?? "",
    };
  });
}

const HEADER: (keyof RosterLine)[] = ["姓名", "类别", "入党时间", "手机号", "党小组"];

export function writeCsv(path: string, rows: RosterLine[]): void {
  const lines = [HEADER.join(","), ...rows.map((r) => HEADER.map((h) => r[h]).join(","))];
  writeFileSync(path, `\uFEFF${lines.join("\r\n")}\r\n`);
}

export async function writeXlsx(path: string, rows: RosterLine[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("党员名册");
  sheet.addRow(HEADER);
  for (const r of rows) {
    // Secretaries' sheets often hold real dates and numeric phone cells.
    const [y, m, d] = r.入党时间.split("-").map(Number);
    const asDate = y && m && d ? new Date(Date.UTC(y, m - 1, d)) : null;
    // An impossible date (a typo) stays text, as Excel keeps it.
    const date = asDate?.toISOString().startsWith(r.入党时间) ? asDate : r.入党时间;
    sheet.addRow([r.姓名, r.类别, date, /^\d+$/.test(r.手机号) ? Number(r.手机号) : r.手机号, r.党小组]);
  }
  await workbook.xlsx.writeFile(path);
}
