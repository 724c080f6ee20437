-- CreateTable
CREATE TABLE "DuesRate" (
    "memberId" TEXT NOT NULL PRIMARY KEY,
    "amountFen" INTEGER NOT NULL,
    "fromMonth" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL,
    "setById" TEXT NOT NULL,
    CONSTRAINT "DuesRate_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DuesPayment" (
    "memberId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "paidAt" DATETIME NOT NULL,
    "recordedById" TEXT NOT NULL,

    PRIMARY KEY ("memberId", "month"),
    CONSTRAINT "DuesPayment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvaluationItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "measure" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "EvaluationItem_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvaluationScore" (
    "branchId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "byId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("branchId", "itemId", "period")
);

-- CreateTable
CREATE TABLE "BranchReview" (
    "branchId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL,
    "submittedBy" TEXT NOT NULL,

    PRIMARY KEY ("branchId", "period")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationItem_organizationId_key_key" ON "EvaluationItem"("organizationId", "key");

