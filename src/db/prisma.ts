// The Prisma types every database module shares: both generated clients have the same model API,
// so the SQLite one's types stand for both.
import { Prisma, type PrismaClient as SqliteClient } from "../generated/sqlite/client.js";

export type PrismaDb = SqliteClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };
