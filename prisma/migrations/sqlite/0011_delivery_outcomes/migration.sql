-- AlterTable
ALTER TABLE "PlatformAccount" ADD COLUMN "unreachableAt" DATETIME;

-- AlterTable
ALTER TABLE "Chat" ADD COLUMN "goneAt" DATETIME;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "deadAt" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "failure" TEXT;

-- CreateTable
CREATE TABLE "DeliveryPace" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "tat" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "OutboxMessage_platform_sentAt_createdAt_id_idx" ON "OutboxMessage"("platform", "sentAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "OutboxMessage_platform_chatId_sentAt_createdAt_id_idx" ON "OutboxMessage"("platform", "chatId", "sentAt", "createdAt", "id");

