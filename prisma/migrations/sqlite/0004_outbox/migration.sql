-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "replaceKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "pendingKey" TEXT,
    "dedupeKey" TEXT,
    "createdAt" DATETIME NOT NULL,
    "availableAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME
);

-- CreateTable
CREATE TABLE "PostedMessage" (
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "replaceKey" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,

    PRIMARY KEY ("platform", "chatId", "replaceKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_pendingKey_key" ON "OutboxMessage"("pendingKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_sentAt_availableAt_idx" ON "OutboxMessage"("sentAt", "availableAt");

