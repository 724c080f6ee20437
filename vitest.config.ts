import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The Prisma client is generated as TypeScript under src/generated; vite transforms it like our code.
    server: { deps: { inline: [/src\/generated/] } },
  },
});
