-- DropIndex
DROP INDEX "Deadline_status_nextStepAt_idx";

-- CreateIndex
CREATE INDEX "Deadline_nextStepAt_id_idx" ON "Deadline"("nextStepAt", "id");
