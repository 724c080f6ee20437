-- CreateTable
CREATE TABLE "DuesRate" (
    "memberId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "fromMonth" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL,
    "setById" TEXT NOT NULL,

    CONSTRAINT "DuesRate_pkey" PRIMARY KEY ("memberId")
);

-- CreateTable
CREATE TABLE "DuesPayment" (
    "memberId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "paidAt" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT NOT NULL,

    CONSTRAINT "DuesPayment_pkey" PRIMARY KEY ("memberId","month")
);

-- CreateTable
CREATE TABLE "EvaluationItem" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "measure" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationScore" (
    "branchId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "byId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationScore_pkey" PRIMARY KEY ("branchId","itemId","period")
);

-- CreateTable
CREATE TABLE "BranchReview" (
    "branchId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "submittedBy" TEXT NOT NULL,

    CONSTRAINT "BranchReview_pkey" PRIMARY KEY ("branchId","period")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationItem_organizationId_key_key" ON "EvaluationItem"("organizationId", "key");

-- AddForeignKey
ALTER TABLE "DuesRate" ADD CONSTRAINT "DuesRate_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuesPayment" ADD CONSTRAINT "DuesPayment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationItem" ADD CONSTRAINT "EvaluationItem_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

