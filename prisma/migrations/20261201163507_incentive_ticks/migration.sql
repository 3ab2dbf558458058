-- CreateTable
CREATE TABLE "IncentiveTick" (
    "projectId" UUID NOT NULL,
    "item" TEXT NOT NULL,
    "doneById" TEXT NOT NULL,
    "doneOn" DATE NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncentiveTick_pkey" PRIMARY KEY ("projectId","item")
);
