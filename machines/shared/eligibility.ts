import { type Applicant, INSTITUTION_TYPES, isInShanghai, isLicensed, isTech, locationBasis } from './institutions.ts';
import { normalizeUscc, usccProblem } from './uscc.ts';

export type EligibilityRule = 'R-ELIG-1' | 'R-ELIG-2' | 'R-ELIG-3' | 'R-ELIG-4' | 'R-ELIG-5' | 'R-COA-1' | 'R-COA-6';
export type ReasonParams = Record<string, string>;
export interface Reason {
  rule: EligibilityRule;
  ok: boolean;
  key: string;
  params: ReasonParams;
}
export interface EligibilityResult {
  eligible: boolean;
  reasons: Reason[];
}

const reason = (rule: EligibilityRule, ok: boolean, key: string, params: ReasonParams = {}): Reason => ({
  rule,
  ok,
  key,
  params,
});

const result = (reasons: Reason[]): EligibilityResult => ({ eligible: reasons.every((r) => r.ok), reasons });

/** Checks shared by both tracks: at least one applicant, exactly one lead, valid and distinct credit codes. */
function structureReasons(applicants: readonly Applicant[], rule: EligibilityRule): Reason[] {
  if (applicants.length === 0) return [reason(rule, false, 'elig.applicants.none')];
  const reasons: Reason[] = [];
  const leads = applicants.filter((a) => a.lead).length;
  reasons.push(
    leads === 1
      ? reason(rule, true, applicants.length === 1 ? 'elig.structure.single' : 'elig.structure.joint')
      : reason(rule, false, 'elig.lead.count', { count: String(leads) }),
  );
  const seen = new Set<string>();
  for (const a of applicants) {
    const code = normalizeUscc(a.uscc);
    const problem = usccProblem(code);
    if (problem !== null) reasons.push(reason(rule, false, `elig.uscc.${problem}`, { name: a.name }));
    else if (seen.has(code)) reasons.push(reason(rule, false, 'elig.uscc.duplicate', { name: a.name }));
    seen.add(code);
  }
  return reasons;
}

/** R-ELIG-2: a listed type qualifies; "other" or a CSRC-recognised institution needs a staff member's confirmation. */
function typeReason(a: Applicant): Reason {
  const { category } = INSTITUTION_TYPES[a.institutionType];
  const params = { name: a.name, type: a.institutionType };
  if (category === 'other') {
    if ((a.otherSpecified ?? '').trim() === '' || a.otherCategory === undefined) {
      return reason('R-ELIG-2', false, 'elig.type.otherUnspecified', params);
    }
  }
  if ((category === 'other' || category === 'csrcRecognised') && a.confirmedByStaff !== true) {
    return reason('R-ELIG-2', false, 'elig.type.unconfirmed', params);
  }
  return reason('R-ELIG-2', true, 'elig.type.ok', params);
}

/** R-ELIG-1: location in Shanghai, by main office for fund management companies, else by registration. */
function locationReason(a: Applicant): Reason {
  const basis = locationBasis(a);
  const place = a[basis];
  const ok = isInShanghai(place);
  return reason('R-ELIG-1', ok, `elig.location.${basis}.${ok ? 'ok' : 'outside'}`, {
    name: a.name,
    place: `${place.province} ${place.city}`.trim(),
  });
}

/** Pure eligibility of a pilot application (R-ELIG-1…5, R-COA-6), with one reason per check. */
export function evaluatePilotEligibility(applicants: readonly Applicant[]): EligibilityResult {
  const reasons = structureReasons(applicants, 'R-ELIG-3');
  if (applicants.length === 0) return result(reasons);
  const institutions = applicants.filter((a) => !isTech(a));
  const techs = applicants.filter(isTech);
  for (const a of institutions) reasons.push(typeReason(a), locationReason(a));
  if (institutions.length === 0) {
    reasons.push(reason('R-ELIG-5', false, 'elig.licensed.techAlone'));
  } else {
    for (const t of techs) {
      reasons.push(reason('R-ELIG-4', true, t.lead ? 'elig.tech.lead' : 'elig.tech.joint', { name: t.name }));
    }
    const licensed = institutions.find((a) => isLicensed(a) && typeReason(a).ok && locationReason(a).ok);
    reasons.push(
      licensed
        ? reason('R-ELIG-5', true, 'elig.licensed.ok', { name: licensed.name })
        : reason('R-ELIG-5', false, 'elig.licensed.none'),
    );
  }
  const coached = applicants.find((a) => (a.coachingRef ?? '') !== '');
  if (coached) {
    const ok = reasons.some((r) => r.key === 'elig.licensed.ok');
    reasons.push(
      reason('R-COA-6', ok, ok ? 'elig.coached.joint' : 'elig.coached.needsLicensed', { name: coached.name }),
    );
  }
  return result(reasons);
}

/** R-COA-1: the coaching category of one applicant, with what that category needs on file. */
function coachingCategoryReason(a: Applicant): Reason {
  const params = { name: a.name, type: a.institutionType };
  switch (a.institutionType) {
    case 'itServiceProvider':
      return (a.csrcFilingNumber ?? '').trim() === ''
        ? reason('R-COA-1', false, 'coa.filing.missing', params)
        : reason('R-COA-1', true, 'coa.category.ok', params);
    case 'itSubsidiary':
      return (a.parentInstitution ?? '').trim() === ''
        ? reason('R-COA-1', false, 'coa.parent.missing', params)
        : reason('R-COA-1', true, 'coa.category.ok', params);
    case 'representativeTech':
      return a.confirmedByStaff === true
        ? reason('R-COA-1', true, 'coa.category.ok', params)
        : reason('R-COA-1', false, 'coa.recognition.unconfirmed', params);
    default:
      return reason('R-COA-1', false, 'coa.type.notEligible', params);
  }
}

/** Pure eligibility of a coaching application (R-COA-1): every applicant a Shanghai-registered tech company of the three kinds. */
export function evaluateCoachingEligibility(applicants: readonly Applicant[]): EligibilityResult {
  const reasons = structureReasons(applicants, 'R-COA-1');
  for (const a of applicants) {
    const inShanghai = isInShanghai(a.registration);
    reasons.push(
      coachingCategoryReason(a),
      reason('R-COA-1', inShanghai, inShanghai ? 'coa.location.ok' : 'coa.location.outside', { name: a.name }),
    );
  }
  return result(reasons);
}
