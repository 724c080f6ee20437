-- CreateTable
CREATE TABLE "DevelopmentRecord" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DevelopmentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevelopmentStep" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "notes" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DevelopmentStep_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "DevelopmentRecord" ADD CONSTRAINT "DevelopmentRecord_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentStep" ADD CONSTRAINT "DevelopmentStep_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "DevelopmentRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

