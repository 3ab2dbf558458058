-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "track" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "intake" JSONB NOT NULL,
    "machine" TEXT NOT NULL,
    "machineVersion" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "channelId" TEXT,
    "cardTs" TEXT,
    "threadTs" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefCounter" (
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "RefCounter_pkey" PRIMARY KEY ("prefix","year")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "projectId" UUID,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "actorRoles" TEXT[],
    "eventType" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "fromState" TEXT,
    "toState" TEXT,
    "machineVersion" INTEGER,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "factDate" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "grantedBy" TEXT NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "projectId" UUID,
    "method" TEXT NOT NULL,
    "args" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "clock" TEXT NOT NULL,
    "responsible" TEXT NOT NULL,
    "responsibleUserId" TEXT,
    "basis" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "dueDate" DATE NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "explanation" JSONB NOT NULL,
    "unknownYears" INTEGER[],
    "status" TEXT NOT NULL DEFAULT 'open',
    "nextStep" TEXT,
    "nextStepAt" TIMESTAMPTZ(3),
    "stepsDone" TEXT[],
    "snoozedUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "year" INTEGER NOT NULL,
    "holidays" TEXT[],
    "adjustedWorkingDays" TEXT[],
    "source" TEXT NOT NULL,
    "loadedBy" TEXT NOT NULL,
    "loadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "DigestSubscription" (
    "channelId" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestSubscription_pkey" PRIMARY KEY ("channelId")
);

-- CreateTable
CREATE TABLE "UserPreference" (
    "userId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UserPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ChannelPreference" (
    "channelId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChannelPreference_pkey" PRIMARY KEY ("channelId")
);

-- CreateTable
CREATE TABLE "Batch" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "closedEarly" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Expert" (
    "userId" TEXT NOT NULL,
    "tags" TEXT[],
    "maxLoad" INTEGER NOT NULL DEFAULT 3,
    "awayFrom" DATE,
    "awayUntil" DATE,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Expert_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ExpertAffiliation" (
    "id" UUID NOT NULL,
    "expertId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uscc" TEXT,
    "endedOn" DATE,

    CONSTRAINT "ExpertAffiliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeclaredConflict" (
    "expertId" TEXT NOT NULL,
    "projectId" UUID NOT NULL,
    "reason" TEXT,
    "declaredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DeclaredConflict_pkey" PRIMARY KEY ("expertId","projectId")
);

-- CreateTable
CREATE TABLE "ReviewDraft" (
    "projectId" UUID NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReviewDraft_pkey" PRIMARY KEY ("projectId","reviewerId")
);

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AppSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SupportRecord" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "programme" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "beneficiary" TEXT NOT NULL,
    "note" TEXT,
    "factDate" DATE NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Project_ref_key" ON "Project"("ref");

-- CreateIndex
CREATE INDEX "Project_stage_idx" ON "Project"("stage");

-- CreateIndex
CREATE INDEX "Project_track_stage_idx" ON "Project"("track", "stage");

-- CreateIndex
CREATE INDEX "Project_ownerId_idx" ON "Project"("ownerId");

-- CreateIndex
CREATE INDEX "AuditEvent_projectId_id_idx" ON "AuditEvent"("projectId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_key_key" ON "OutboxMessage"("key");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Deadline_status_nextStepAt_idx" ON "Deadline"("status", "nextStepAt");

-- CreateIndex
CREATE INDEX "Deadline_status_dueAt_idx" ON "Deadline"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Deadline_projectId_key_key" ON "Deadline"("projectId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Batch_name_key" ON "Batch"("name");

-- CreateIndex
CREATE INDEX "ExpertAffiliation_expertId_idx" ON "ExpertAffiliation"("expertId");

-- CreateIndex
CREATE INDEX "SupportRecord_projectId_idx" ON "SupportRecord"("projectId");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertAffiliation" ADD CONSTRAINT "ExpertAffiliation_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclaredConflict" ADD CONSTRAINT "DeclaredConflict_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("userId") ON DELETE CASCADE ON UPDATE CASCADE;
