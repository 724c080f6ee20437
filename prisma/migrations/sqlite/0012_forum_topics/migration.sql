-- AlterTable
ALTER TABLE "Chat" ADD COLUMN "topic" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "topic" TEXT;

