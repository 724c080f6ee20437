// Copies what the compiled code reads at run time beside it in the build (dist/, or the folder
// named as the argument): the message catalogues, the SQL migrations and the SQLite read
// worker's CommonJS files (each found relative to the module that reads it).
import { cpSync, readdirSync } from "node:fs";

const out = process.argv[2] ?? "dist";
cpSync("src/locales", `${out}/src/locales`, { recursive: true });
cpSync("prisma/migrations", `${out}/prisma/migrations`, { recursive: true });
for (const file of readdirSync("src/db").filter((f) => f.endsWith(".cjs")))
  cpSync(`src/db/${file}`, `${out}/src/db/${file}`);
