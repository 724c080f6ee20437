// /import [good]: import the roster file sent with the command (CSV or XLSX, the secretary's own
// columns: 姓名, 类别, 入党时间, 手机号, 党小组). A file with errors imports nothing and lists
// every bad line, unless "good" (仅正确行) asks to import the good rows alone.
import { z } from "zod";
import { DomainError } from "../../src/core/domain-error.js";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

const MAX_LISTED_ERRORS = 30;

export const importRoster = defineCommand({
  name: "import",
  aliases: ["导入", "导入名单"],
  role: "secretary",
  args: z.union([z.tuple([]), z.tuple([z.enum(["good", "仅正确行", "正确行"])])]),
  async run(ctx) {
    if (!ctx.attachment) throw new DomainError("import.noFile");
    const org = requireOrg(ctx);
    const result = await ctx.services.membership.importRoster(
      ctx.personId,
      org,
      ctx.attachment,
      { goodRowsOnly: ctx.args.length === 1, timeZone: ctx.zone },
      ctx.now,
    );
    const lines = result.errors.slice(0, MAX_LISTED_ERRORS).map((e) =>
      ctx.t("import.errorLine", {
        line: e.line,
        reason: ctx.t(`import.errors.${e.reason}`, { value: e.value ?? "" }),
      }),
    );
    if (result.errors.length > MAX_LISTED_ERRORS)
      lines.push(ctx.t("import.moreErrors", { count: result.errors.length - MAX_LISTED_ERRORS }));
    const head =
      result.imported === 0 && result.errors.length > 0
        ? ctx.t("import.rejected", { errors: result.errors.length, total: result.total })
        : ctx.t("import.done", { imported: result.imported, skipped: result.errors.length, name: org.name });
    return textReply([head, ...lines].join("\n"), { visibility: "private" });
  },
});
