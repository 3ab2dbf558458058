-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chain" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "chainSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "rowHash" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" BIGSERIAL NOT NULL,
    "ranAt" TIMESTAMPTZ(3) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "rowsChecked" INTEGER NOT NULL,
    "chains" INTEGER NOT NULL,
    "problem" TEXT,
    "heads" JSONB,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- Issue 14: an audit log that shows tampering. Each row carries the SHA-256 of the previous row of its chain (one
-- chain per project, "programme" for everything else) over a canonical serialisation, so an edited, inserted or
-- deleted row breaks the chain: npm run audit:verify checks it. The database, not the app, links the rows: every
-- audit insert (whichever code path makes it) is chained the same way, and rows are append-only.

-- The canonical serialisation: a JSON array of every column in a fixed order. jsonb's text form is deterministic,
-- and dates are written in UTC with fixed formats so that no session setting (TimeZone, DateStyle) changes it.
CREATE FUNCTION audit_row_canonical(r "AuditEvent") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    r.id::text, r."projectId"::text, r."actorKind", r."actorId", to_jsonb(r."actorRoles"), r."eventType", r.payload,
    r."fromState", r."toState", r."machineVersion",
    to_char(r."recordedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    to_char(r."factDate", 'YYYY-MM-DD'),
    to_char(r."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    r.chain, r."chainSeq", r."prevHash"
  )::text
$$;

CREATE FUNCTION audit_row_hash(r "AuditEvent") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(audit_row_canonical(r), 'UTF8')), 'hex')
$$;

-- Existing rows are chained in the order they were written.
DO $$
DECLARE
  r RECORD;
  seq integer := 0;
  prev text := NULL;
  cur text := NULL;
BEGIN
  FOR r IN SELECT id, COALESCE("projectId"::text, 'programme') AS c FROM "AuditEvent" ORDER BY 2, id LOOP
    IF cur IS DISTINCT FROM r.c THEN
      cur := r.c;
      seq := 0;
      prev := NULL;
    END IF;
    seq := seq + 1;
    UPDATE "AuditEvent" SET chain = r.c, "chainSeq" = seq, "prevHash" = prev WHERE id = r.id;
    UPDATE "AuditEvent" a SET "rowHash" = audit_row_hash(a) WHERE a.id = r.id RETURNING a."rowHash" INTO prev;
  END LOOP;
END
$$;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chain_chainSeq_key" ON "AuditEvent"("chain", "chainSeq");

-- Links each new row to the end of its chain. The advisory lock (per chain, until commit) makes concurrent writers of
-- one chain take turns; under READ COMMITTED each statement here sees the rows committed meanwhile, and the unique
-- (chain, chainSeq) index refuses a fork whatever happens.
CREATE FUNCTION audit_chain_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq integer;
  last_hash text;
BEGIN
  NEW.chain := COALESCE(NEW."projectId"::text, 'programme');
  PERFORM pg_advisory_xact_lock(hashtextextended('pilotdesk.audit:' || NEW.chain, 0));
  SELECT "chainSeq", "rowHash" INTO last_seq, last_hash
    FROM "AuditEvent" WHERE chain = NEW.chain ORDER BY "chainSeq" DESC LIMIT 1;
  NEW."chainSeq" := COALESCE(last_seq, 0) + 1;
  NEW."prevHash" := last_hash;
  NEW."rowHash" := audit_row_hash(NEW);
  RETURN NEW;
END
$$;

CREATE TRIGGER "AuditEvent_chain_link" BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_chain_link();

-- Append-only for every role the app connects as: an update, delete or truncate is refused. Only the table's owner
-- can disable this trigger, and a row changed behind it still breaks the chain.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit rows are append-only: % on "AuditEvent" refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
