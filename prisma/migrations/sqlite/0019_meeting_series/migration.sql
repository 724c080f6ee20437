-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "occurrenceAt" DATETIME;

-- CreateTable
CREATE TABLE "MeetingSeries" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "groupId" TEXT,
    "type" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "hostMemberId" TEXT,
    "recorderMemberId" TEXT,
    "rule" TEXT NOT NULL,
    "ruleText" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "durationMinutes" INTEGER,
    "firstDay" TEXT NOT NULL,
    "materialisedUntil" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "endedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingSeries_code_key" ON "MeetingSeries"("code");

-- CreateIndex
CREATE INDEX "MeetingSeries_status_idx" ON "MeetingSeries"("status");

-- CreateIndex
CREATE INDEX "MeetingSeries_organizationId_idx" ON "MeetingSeries"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_seriesId_organizationId_occurrenceAt_key" ON "Meeting"("seriesId", "organizationId", "occurrenceAt");

