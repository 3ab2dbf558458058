-- CreateTable
CREATE TABLE "ReportPlan" (
    "projectId" UUID NOT NULL,
    "intervalMonths" INTEGER NOT NULL,
    "anchorOn" DATE NOT NULL,
    "anchorSeq" INTEGER NOT NULL,
    "updatedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportPlan_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "ReportPeriod" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "deadlineKey" TEXT NOT NULL,
    "unknownYears" INTEGER[],
    "state" TEXT NOT NULL DEFAULT 'planned',
    "scheduledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReportPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionReport" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "periodId" UUID,
    "kind" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "recordedBy" TEXT,
    "reviewStatus" TEXT,
    "reviewNote" TEXT,
    "reviewedBy" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportPeriod_projectId_state_idx" ON "ReportPeriod"("projectId", "state");

-- CreateIndex
CREATE INDEX "ReportPeriod_state_scheduledAt_startsOn_idx" ON "ReportPeriod"("state", "scheduledAt", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "ReportPeriod_projectId_seq_key" ON "ReportPeriod"("projectId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionReport_periodId_key" ON "SupervisionReport"("periodId");

-- CreateIndex
CREATE INDEX "SupervisionReport_projectId_idx" ON "SupervisionReport"("projectId");
