// Copies what the compiled code reads at run time beside it in dist/: the message catalogues and
// the SQL migrations (both found relative to the module that reads them).
import { cpSync } from "node:fs";

cpSync("src/locales", "dist/src/locales", { recursive: true });
cpSync("prisma/migrations", "dist/prisma/migrations", { recursive: true });
