-- CreateTable
CREATE TABLE "DevelopmentRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "personId" TEXT,
    "claimCode" TEXT,
    "memberId" TEXT,
    "probationEndsOn" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DevelopmentRecord_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DevelopmentStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recordId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "notes" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "DevelopmentStep_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "DevelopmentRecord" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DevelopmentRecord_code_key" ON "DevelopmentRecord"("code");

-- CreateIndex
CREATE UNIQUE INDEX "DevelopmentRecord_claimCode_key" ON "DevelopmentRecord"("claimCode");

-- CreateIndex
CREATE UNIQUE INDEX "DevelopmentRecord_memberId_key" ON "DevelopmentRecord"("memberId");

-- CreateIndex
CREATE INDEX "DevelopmentRecord_organizationId_stage_idx" ON "DevelopmentRecord"("organizationId", "stage");

-- CreateIndex
CREATE INDEX "DevelopmentRecord_personId_idx" ON "DevelopmentRecord"("personId");

-- CreateIndex
CREATE INDEX "DevelopmentStep_recordId_step_idx" ON "DevelopmentStep"("recordId", "step");

