// /dev_file <档案编号>: one person's 发展党员纪实, for the branch's 支委 and the committees above.
// /dev_file <查看码>: the applicant links their own file (once); /dev_file alone then shows it.
// /dev_file <档案编号> 导出: the 纪实表 as an Excel workbook, privately; /dev_file <编号> 附件 N: the
// N-th file kept with its steps.
// Anyone else is told the file does not exist.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { localDay } from "../../src/development/development-rules.js";
import { fileText } from "../../src/development/development-text.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";

export const devFile = defineCommand({
  name: "dev_file",
  aliases: ["发展纪实", "我的入党进度"],
  role: "anyone",
  args: z.union([
    z.tuple([]),
    z.tuple([codeArg]),
    z.tuple([codeArg, z.enum(["导出", "export"])]),
    z.tuple([codeArg, z.enum(["附件", "file"]), z.coerce.number().int().min(1).max(500)]),
  ]),
  async run(ctx) {
    const [code, word, n] = ctx.args;
    if (code && n !== undefined) {
      const sent = await ctx.services.developmentFiles.attachment(ctx.personId, code, n);
      return textReply(
        ctx.t("development.attachmentSent", { name: sent.file.name, filename: sent.filename }),
        {
          visibility: "private",
          attachment: { kind: "file", filename: sent.filename, path: sent.path },
        },
      );
    }
    if (code && word) {
      const sheet = await ctx.services.developmentFiles.exportRecord(ctx.personId, code, ctx.t);
      return textReply(ctx.t("development.recordExported", { name: sheet.file.name }), {
        visibility: "private",
        attachment: { kind: "file", filename: sheet.filename, path: sheet.path },
      });
    }
    const show = async (file: Parameters<typeof fileText>[0], limits: Parameters<typeof fileText>[2]) => {
      const branch = await ctx.services.orgs.findById(file.organizationId);
      const zone = await ctx.services.zones.of(file.organizationId);
      return fileText(file, branch?.name ?? "", limits, localDay(ctx.now, zone), ctx.t);
    };
    if (!code) {
      const mine = await ctx.services.developmentFiles.mine(ctx.personId);
      if (mine.length === 0) return textReply(ctx.t("development.mineNone"), { visibility: "private" });
      const texts = await Promise.all(mine.map(({ file, limits }) => show(file, limits)));
      return textReply(texts.join("\n\n"), { visibility: "private" });
    }
    // Eight letters: a 查看码 the secretary handed over; shorter: a file's code.
    if (code.length === 8) {
      const file = await ctx.services.development.claim(ctx.personId, code, ctx.now);
      const { limits } = await ctx.services.development.limitsOf(file.organizationId);
      return textReply(`${ctx.t("development.claimed")}\n\n${await show(file, limits)}`, {
        visibility: "private",
      });
    }
    const { file, limits } = await ctx.services.developmentFiles.file(ctx.personId, code);
    return textReply(await show(file, limits), { visibility: "private" });
  },
});
