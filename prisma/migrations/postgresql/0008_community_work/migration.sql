-- CreateTable
CREATE TABLE "VolunteerActivity" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "signedUp" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerSignup" (
    "activityId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "signedUpAt" TIMESTAMP(3) NOT NULL,
    "checkedInAt" TIMESTAMP(3),
    "checkedOutAt" TIMESTAMP(3),
    "minutes" INTEGER,
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "VolunteerSignup_pkey" PRIMARY KEY ("activityId","memberId")
);

-- CreateTable
CREATE TABLE "MicroWish" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "claimedById" TEXT,
    "claimedAt" TIMESTAMP(3),
    "claimDueAt" TIMESTAMP(3),
    "claimRemindedAt" TIMESTAMP(3),
    "fulfilledAt" TIMESTAMP(3),
    "fulfilmentNote" TEXT,
    "fulfilmentPhoto" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,
    "releases" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MicroWish_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdVisit" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "HouseholdVisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerActivity_code_key" ON "VolunteerActivity"("code");

-- CreateIndex
CREATE INDEX "VolunteerActivity_organizationId_startsAt_idx" ON "VolunteerActivity"("organizationId", "startsAt");

-- CreateIndex
CREATE INDEX "VolunteerActivity_startsAt_idx" ON "VolunteerActivity"("startsAt");

-- CreateIndex
CREATE INDEX "VolunteerSignup_memberId_idx" ON "VolunteerSignup"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "MicroWish_code_key" ON "MicroWish"("code");

-- CreateIndex
CREATE INDEX "MicroWish_organizationId_status_idx" ON "MicroWish"("organizationId", "status");

-- CreateIndex
CREATE INDEX "MicroWish_status_claimDueAt_idx" ON "MicroWish"("status", "claimDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Household_code_key" ON "Household"("code");

-- CreateIndex
CREATE INDEX "Household_memberId_idx" ON "Household"("memberId");

-- CreateIndex
CREATE INDEX "HouseholdVisit_householdId_at_idx" ON "HouseholdVisit"("householdId", "at");

-- AddForeignKey
ALTER TABLE "VolunteerActivity" ADD CONSTRAINT "VolunteerActivity_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerSignup" ADD CONSTRAINT "VolunteerSignup_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "VolunteerActivity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerSignup" ADD CONSTRAINT "VolunteerSignup_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MicroWish" ADD CONSTRAINT "MicroWish_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MicroWish" ADD CONSTRAINT "MicroWish_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdVisit" ADD CONSTRAINT "HouseholdVisit_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

