-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "groupId" TEXT,
    "type" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "place" TEXT NOT NULL,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "hostMemberId" TEXT,
    "recorderMemberId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "cancelReason" TEXT,
    "seriesId" TEXT,
    "checkInOpensMinutes" INTEGER NOT NULL,
    "checkInClosesMinutes" INTEGER NOT NULL,
    "checkInCode" TEXT,
    "content" TEXT,
    "resolutions" TEXT,
    "photos" TEXT NOT NULL DEFAULT '[]',
    "checklistDone" TEXT NOT NULL DEFAULT '[]',
    "checklist" TEXT NOT NULL DEFAULT '[]',
    "closedAt" DATETIME,
    "closedById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Meeting" ("cancelReason", "checkInClosesMinutes", "checkInCode", "checkInOpensMinutes", "checklist", "checklistDone", "closedAt", "closedById", "code", "content", "createdAt", "createdById", "groupId", "hostMemberId", "id", "online", "organizationId", "photos", "place", "recorderMemberId", "resolutions", "seriesId", "startsAt", "status", "topic", "type", "updatedAt") SELECT "cancelReason", "checkInClosesMinutes", "checkInCode", "checkInOpensMinutes", "checklist", "checklistDone", "closedAt", "closedById", "code", "content", "createdAt", "createdById", "groupId", "hostMemberId", "id", "online", "organizationId", "photos", "place", "recorderMemberId", "resolutions", "seriesId", "startsAt", "status", "topic", "type", "updatedAt" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE UNIQUE INDEX "Meeting_code_key" ON "Meeting"("code");
CREATE INDEX "Meeting_organizationId_startsAt_idx" ON "Meeting"("organizationId", "startsAt");
CREATE INDEX "Meeting_status_startsAt_idx" ON "Meeting"("status", "startsAt");
CREATE INDEX "Meeting_seriesId_idx" ON "Meeting"("seriesId");
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'reply',
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
INSERT INTO "new_OutboxMessage" ("attempts", "availableAt", "chatId", "claimedBy", "claimedUntil", "createdAt", "dedupeKey", "id", "lastError", "payload", "pendingKey", "platform", "replaceKey", "sentAt", "version") SELECT "attempts", "availableAt", "chatId", "claimedBy", "claimedUntil", "createdAt", "dedupeKey", "id", "lastError", "payload", "pendingKey", "platform", "replaceKey", "sentAt", "version" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_pendingKey_key" ON "OutboxMessage"("pendingKey");
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_sentAt_availableAt_idx" ON "OutboxMessage"("sentAt", "availableAt");
CREATE TABLE "new_PostedMessage" (
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "replaceKey" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,

    PRIMARY KEY ("platform", "chatId", "replaceKey")
);
INSERT INTO "new_PostedMessage" ("chatId", "messageId", "platform", "replaceKey") SELECT "chatId", "messageId", "platform", "replaceKey" FROM "PostedMessage";
DROP TABLE "PostedMessage";
ALTER TABLE "new_PostedMessage" RENAME TO "PostedMessage";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

