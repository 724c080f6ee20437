-- CreateTable
CREATE TABLE "Meeting" (
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
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MeetingResponse" (
    "meetingId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("meetingId", "memberId"),
    CONSTRAINT "MeetingResponse_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "meetingId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "late" BOOLEAN NOT NULL,
    "via" TEXT NOT NULL,

    PRIMARY KEY ("meetingId", "memberId"),
    CONSTRAINT "CheckIn_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LeaveRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "LeaveRequest_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAttendee" (
    "meetingId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "voting" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "note" TEXT,

    PRIMARY KEY ("meetingId", "memberId"),
    CONSTRAINT "MeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AbsenceNote" (
    "meetingId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("meetingId", "memberId")
);

-- CreateTable
CREATE TABLE "PendingPrompt" (
    "personId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "chatKey" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "args" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("personId", "platform", "chatKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_code_key" ON "Meeting"("code");

-- CreateIndex
CREATE INDEX "Meeting_organizationId_startsAt_idx" ON "Meeting"("organizationId", "startsAt");

-- CreateIndex
CREATE INDEX "Meeting_status_startsAt_idx" ON "Meeting"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Meeting_seriesId_idx" ON "Meeting"("seriesId");

-- CreateIndex
CREATE INDEX "CheckIn_memberId_at_idx" ON "CheckIn"("memberId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "LeaveRequest_code_key" ON "LeaveRequest"("code");

-- CreateIndex
CREATE UNIQUE INDEX "LeaveRequest_meetingId_memberId_key" ON "LeaveRequest"("meetingId", "memberId");

-- CreateIndex
CREATE INDEX "MeetingAttendee_memberId_idx" ON "MeetingAttendee"("memberId");

