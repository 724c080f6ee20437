-- AlterTable
ALTER TABLE "PlatformAccount" ADD COLUMN     "unreachableAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Chat" ADD COLUMN     "goneAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "deadAt" TIMESTAMP(3),
ADD COLUMN     "failure" TEXT;

-- CreateTable
CREATE TABLE "DeliveryPace" (
    "key" TEXT NOT NULL,
    "tat" BIGINT NOT NULL,

    CONSTRAINT "DeliveryPace_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "OutboxMessage_platform_sentAt_createdAt_id_idx" ON "OutboxMessage"("platform", "sentAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "OutboxMessage_platform_chatId_sentAt_createdAt_id_idx" ON "OutboxMessage"("platform", "chatId", "sentAt", "createdAt", "id");

