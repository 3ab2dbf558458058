import { z } from 'zod';

/** The kinds of supervision record (issue 13), in the order `/pilot records` lists them. */
export const RECORD_KINDS = [
  'inspection',
  'finding',
  'rectification',
  'complaint',
  'incident',
  'guidance',
  'sanction',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What `/pilot records <ref> [kind]` accepts as a kind (plural or singular, or in Chinese), mapped to the row's kind. */
export const KIND_WORDS: Record<string, RecordKind> = {
  inspections: 'inspection',
  inspection: 'inspection',
  检查: 'inspection',
  findings: 'finding',
  finding: 'finding',
  发现: 'finding',
  rectification: 'rectification',
  整改: 'rectification',
  complaints: 'complaint',
  complaint: 'complaint',
  投诉: 'complaint',
  incidents: 'incident',
  incident: 'incident',
  异常情形: 'incident',
  guidance: 'guidance',
  督导: 'guidance',
  sanctions: 'sanction',
  sanction: 'sanction',
  处置措施: 'sanction',
};

const text = z.string().max(3000);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const report = z.object({ on: date, summary: text, late: z.boolean() });
const facts = z.object({
  actualInvestorLoss: z.boolean(),
  lossesCompensated: z.boolean(),
  marketStabilityAffected: z.boolean(),
});

/** The typed fields of each kind (the row's `data`), validated on every write and read. */
export const RECORD_DATA = {
  inspection: z.object({
    authority: z.string(),
    mode: z.string(),
    scheduledFor: date,
    findings: text.nullable(),
    findingsOn: date.nullable(),
  }),
  finding: z.object({ text }),
  rectification: z.object({
    requiredChange: text,
    evidence: text.nullable(),
    /** Where the item came from: a finding of an inspection, or the stage evaluation's rectification (R-EXIT-4). */
    source: z.enum(['finding', 'evaluation']),
  }),
  complaint: z.object({
    summary: text,
    outcome: text.nullable(),
    compensation: text.nullable(),
    acknowledgedOn: date.nullable(),
    resolvedOn: date.nullable(),
    acknowledgedLate: z.boolean(),
    resolvedLate: z.boolean(),
  }),
  incident: z.object({
    incidentKind: z.string(),
    occurredAt: z.string(),
    summary: text,
    reports: z.object({ first: report.optional(), handling: report.optional(), final: report.optional() }),
    faultTolerance: facts.nullable(),
    /** R-TOL-1 computed from the three facts; null until they are recorded. */
    qualifies: z.boolean().nullable(),
  }),
  guidance: z.object({ guidanceKind: z.string(), summary: text, noticeRef: z.string().nullable() }),
  sanction: z.object({
    measure: z.string(),
    severity: z.string(),
    violation: z.string().nullable(),
    summary: text,
    reportedOn: date,
    bureauDecisionDate: date,
    /** R-EXIT-5: the measures the rules allow for the case's severity. */
    allowedMeasures: z.array(z.string()),
    faultTolerance: z.array(z.object({ incidentId: z.string(), assessed: z.boolean(), qualifies: z.boolean() })),
    proposedBy: z.string(),
    confirmedBy: z.string(),
    /** The rules the decision rests on, by ID. */
    legalBasis: z.array(z.string()),
  }),
} as const satisfies Record<RecordKind, z.ZodType>;
export type RecordData<K extends RecordKind> = z.infer<(typeof RECORD_DATA)[K]>;

/** A complainant's personal data: kept apart from `data`, shown to staff only, never in a channel. */
export const PersonalSchema = z.object({
  complainantName: z.string().max(200).nullable(),
  complainantContact: z.string().max(200).nullable(),
});

/** The text fields people wrote that the edit form offers, per kind; `personal` ones are the complainant's data. */
export const EDITABLE: Record<RecordKind, ReadonlyArray<{ field: string; personal?: true; long: boolean }>> = {
  inspection: [{ field: 'findings', long: true }],
  finding: [{ field: 'text', long: true }],
  rectification: [
    { field: 'requiredChange', long: true },
    { field: 'evidence', long: true },
  ],
  complaint: [
    { field: 'summary', long: true },
    { field: 'outcome', long: true },
    { field: 'compensation', long: false },
    { field: 'complainantName', personal: true, long: false },
    { field: 'complainantContact', personal: true, long: false },
  ],
  incident: [{ field: 'summary', long: true }],
  guidance: [{ field: 'summary', long: true }],
  sanction: [{ field: 'summary', long: true }],
};

/** R-TOL-1: no actual investor loss (or losses compensated) and no effect on market stability qualifies. */
export function qualifiesForFaultTolerance(f: z.infer<typeof facts>): boolean {
  return (!f.actualInvestorLoss || f.lossesCompensated) && !f.marketStabilityAffected;
}

/** R-EXIT-5: the first measure follows the severity (minor → suspend or stop; serious → administrative measures;
 * suspected crime → referral); later measures resume or stop. */
export function allowedMeasures(severity: string): string[] {
  if (severity === 'minor') return ['suspend', 'stop'];
  if (severity === 'serious') return ['administrativeMeasures'];
  if (severity === 'suspectedCrime') return ['referral'];
  return [];
}

/** Findings written as one per line (numbered or bulleted) become one finding each; blank lines are dropped. */
export function splitFindings(findings: string): string[] {
  return findings
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:\d+[.、)）]|[-*•·])\s*/, '').trim())
    .filter((line) => line.length > 0);
}
