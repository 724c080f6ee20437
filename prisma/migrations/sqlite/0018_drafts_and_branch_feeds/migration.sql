-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "endsAt" DATETIME;

-- AlterTable
ALTER TABLE "CalendarFeed" ADD COLUMN "organizationId" TEXT;

-- CreateTable
CREATE TABLE "MeetingDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingDraft_code_key" ON "MeetingDraft"("code");

-- CreateIndex
CREATE INDEX "MeetingDraft_personId_idx" ON "MeetingDraft"("personId");

