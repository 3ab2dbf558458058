-- CreateTable
CREATE TABLE "SupervisionRecord" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "parentKey" TEXT,
    "status" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "personal" JSONB,
    "openedOn" DATE NOT NULL,
    "dueDate" DATE,
    "closedOn" DATE,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "createdBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SupervisionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupervisionRecord_projectId_kind_idx" ON "SupervisionRecord"("projectId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionRecord_projectId_kind_key_key" ON "SupervisionRecord"("projectId", "kind", "key");
