/** Ended affiliations still conflict for this many years after they end (issue 6). */
export const LOOK_BACK_YEARS = 3;

/** An applicant as the conflict rules see it. */
export interface ApplicantIdentity {
  name: string;
  uscc: string;
}
/** An expert's affiliation: current when `endedOn` is null. */
export interface Affiliation {
  name: string;
  uscc: string | null;
  endedOn: string | null;
}
/** Why an expert may not review a project. */
export type ConflictReason =
  | { kind: 'uscc'; affiliation: string; applicant: string }
  | { kind: 'name'; affiliation: string; applicant: string }
  | { kind: 'declared' };

const SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司'];

/**
 * A company name reduced to what identifies it: full-width folded to half-width (NFKC), spaces dropped, case folded,
 * the 上海 / 上海市 prefix and the 有限公司 / 股份有限公司 / 有限责任公司 suffix removed.
 */
export function normaliseCompanyName(raw: string): string {
  let name = raw
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
  for (const prefix of ['上海市', '上海']) if (name.startsWith(prefix)) name = name.slice(prefix.length);
  for (const suffix of SUFFIXES)
    if (name.endsWith(suffix)) {
      name = name.slice(0, -suffix.length);
      break;
    }
  return name;
}

/** A unified social credit code in canonical form (half-width, upper case, no spaces); '' when absent. */
export function normaliseUscc(raw: string | null | undefined): string {
  return (raw ?? '')
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

/** Whether an affiliation still counts on `today`: current, or ended within the look-back (3 years). */
export function affiliationCounts(affiliation: Affiliation, today: string): boolean {
  if (affiliation.endedOn === null) return true;
  const year = Number(today.slice(0, 4)) - LOOK_BACK_YEARS;
  return affiliation.endedOn >= `${year}${today.slice(4)}`;
}

/**
 * THE conflict-of-interest rule (issue 6): an expert conflicts with a project when an affiliation that still counts
 * is one of its applicants — the same unified social credit code where both sides have one, else the same
 * normalised name — or when the expert declared a conflict on it. Returns every reason; none means no conflict.
 */
export function conflictReasons(
  affiliations: readonly Affiliation[],
  applicants: readonly ApplicantIdentity[],
  declared: boolean,
  today: string,
): ConflictReason[] {
  const reasons: ConflictReason[] = declared ? [{ kind: 'declared' }] : [];
  for (const affiliation of affiliations.filter((a) => affiliationCounts(a, today))) {
    const code = normaliseUscc(affiliation.uscc);
    const name = normaliseCompanyName(affiliation.name);
    for (const applicant of applicants) {
      const applicantCode = normaliseUscc(applicant.uscc);
      if (code !== '' && applicantCode !== '') {
        if (code === applicantCode)
          reasons.push({ kind: 'uscc', affiliation: affiliation.name, applicant: applicant.name });
      } else if (name !== '' && name === normaliseCompanyName(applicant.name)) {
        reasons.push({ kind: 'name', affiliation: affiliation.name, applicant: applicant.name });
      }
    }
  }
  return reasons;
}
