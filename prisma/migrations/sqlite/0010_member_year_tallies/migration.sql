-- CreateTable
CREATE TABLE "MemberYearTally" (
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "memberId" TEXT NOT NULL,
    "expected" INTEGER NOT NULL DEFAULT 0,
    "attended" INTEGER NOT NULL DEFAULT 0,
    "generalMeeting" INTEGER NOT NULL DEFAULT 0,
    "committeeMeeting" INTEGER NOT NULL DEFAULT 0,
    "groupMeeting" INTEGER NOT NULL DEFAULT 0,
    "partyLesson" INTEGER NOT NULL DEFAULT 0,
    "themeDay" INTEGER NOT NULL DEFAULT 0,
    "lifeMeeting" INTEGER NOT NULL DEFAULT 0,
    "other" INTEGER NOT NULL DEFAULT 0,
    "serviceMinutes" INTEGER NOT NULL DEFAULT 0,
    "wishes" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("organizationId", "year", "memberId")
);

-- CreateTable
CREATE TABLE "TallyYear" (
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "refreshedAt" DATETIME NOT NULL,

    PRIMARY KEY ("organizationId", "year")
);

