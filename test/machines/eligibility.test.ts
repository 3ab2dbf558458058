import { describe, expect, it } from 'vitest';
import {
  evaluateCoachingEligibility,
  evaluatePilotEligibility,
  type Reason,
} from '../../machines/shared/eligibility.ts';
import {
  type Applicant,
  INSTITUTION_TYPES,
  type InstitutionType,
  isInShanghai,
  isLicensed,
  isShanghaiMarketCoreApplication,
  isShanghaiName,
} from '../../machines/shared/institutions.ts';
import { isValidUscc, normalizeUscc, usccCheckChar, usccProblem } from '../../machines/shared/uscc.ts';
import { applicant, coachedTech, marketCoreLead, securitiesLead, techPartner, uscc } from '../support/machines.ts';

const BEIJING = { province: '北京市', city: '北京市' };
const keys = (reasons: Reason[]) => reasons.map((r) => `${r.rule}:${r.ok ? 'ok' : 'fail'}:${r.key}`);
const failing = (reasons: Reason[]) => reasons.filter((r) => !r.ok).map((r) => r.key);

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', null],
    ['91310000MA1FL0001', 'length'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y44', 'checksum'],
    ['91350100M000100YI3', 'charset'],
    ['9135010OM000100Y43', 'charset'],
    ['91350100M000100Y4Z', 'charset'],
    [' 91350100m000100y43 ', null],
    ['９１３５０１００Ｍ０００１００Ｙ４３', null],
  ])('%s → %s', (code, problem) => {
    expect(usccProblem(code)).toBe(problem);
    expect(isValidUscc(code)).toBe(problem === null);
  });

  it('computes the check character, 0 when the remainder is 0, and null outside the charset', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('00000000000000000')).toBe('0');
    expect(usccCheckChar('0000000000000000I')).toBeNull();
    expect(normalizeUscc(' ab c ')).toBe('ABC');
    for (const body of ['91310000MA1FL0001', '12100000400000624D', '52310000MJ4951234'].map((b) => b.slice(0, 17))) {
      expect(isValidUscc(uscc(body))).toBe(true);
    }
  });
});

describe('Shanghai recognition', () => {
  it.each([
    '上海',
    '上海市',
    '沪',
    'Shanghai',
    'SHANGHAI',
    'shanghai city',
    'Shanghai Shi',
    '上海　市',
    '上 海',
    'Ｓｈａｎｇｈａｉ',
  ])('%s is Shanghai', (name) => expect(isShanghaiName(name)).toBe(true));
  it.each(['北京', 'Shanghai Pudong', '上海浦东', '', '海'])('%s is not Shanghai', (name) =>
    expect(isShanghaiName(name)).toBe(false),
  );
  it('accepts Shanghai in the province or in the city field', () => {
    expect(isInShanghai({ province: '上海', city: '浦东新区' })).toBe(true);
    expect(isInShanghai({ province: '', city: '沪' })).toBe(true);
    expect(isInShanghai(BEIJING)).toBe(false);
  });
});

const single = (a: Partial<Applicant>) => evaluatePilotEligibility([applicant({ n: 1, ...a })]);

describe('pilot eligibility', () => {
  const types = Object.keys(INSTITUTION_TYPES) as InstitutionType[];
  it.each(types)('R-ELIG-2: %s applying alone in Shanghai', (type) => {
    const category = INSTITUTION_TYPES[type].category;
    const result = single({
      institutionType: type,
      otherSpecified: 'Index provider',
      otherCategory: 'service',
      confirmedByStaff: true,
    });
    if (category === 'tech') {
      expect(result.eligible).toBe(false);
      expect(failing(result.reasons)).toEqual(['elig.licensed.techAlone']);
    } else {
      expect(result.eligible).toBe(true);
      expect(keys(result.reasons)).toContain('R-ELIG-2:ok:elig.type.ok');
      expect(keys(result.reasons)).toContain('R-ELIG-5:ok:elig.licensed.ok');
    }
  });

  it('R-ELIG-2: "other" needs a specified kind, a category and a staff confirmation; CSRC-recognised needs confirmation', () => {
    expect(
      failing(single({ institutionType: 'other', otherCategory: 'service', confirmedByStaff: true }).reasons),
    ).toContain('elig.type.otherUnspecified');
    expect(
      failing(single({ institutionType: 'other', otherSpecified: '  ', otherCategory: 'service' }).reasons),
    ).toContain('elig.type.otherUnspecified');
    expect(
      failing(single({ institutionType: 'other', otherSpecified: 'X', confirmedByStaff: true }).reasons),
    ).toContain('elig.type.otherUnspecified');
    expect(
      failing(single({ institutionType: 'other', otherSpecified: 'X', otherCategory: 'operating' }).reasons),
    ).toEqual(['elig.type.unconfirmed', 'elig.licensed.none']);
    expect(failing(single({ institutionType: 'csrcRecognised' }).reasons)).toEqual([
      'elig.type.unconfirmed',
      'elig.licensed.none',
    ]);
    expect(single({ institutionType: 'csrcRecognised', confirmedByStaff: true }).eligible).toBe(true);
    const reason = single({ institutionType: 'futuresCompany' }).reasons.find((r) => r.rule === 'R-ELIG-2');
    expect(reason).toEqual({
      rule: 'R-ELIG-2',
      ok: true,
      key: 'elig.type.ok',
      params: { name: 'Institution 1', type: 'futuresCompany' },
    });
  });

  it('R-ELIG-1: a fund management company counts by its main office, others by registration', () => {
    const fmcOfficeOutside = single({ institutionType: 'fundManagementCompany', mainOffice: BEIJING });
    expect(fmcOfficeOutside.eligible).toBe(false);
    expect(fmcOfficeOutside.reasons).toContainEqual({
      rule: 'R-ELIG-1',
      ok: false,
      key: 'elig.location.mainOffice.outside',
      params: { name: 'Institution 1', place: '北京市 北京市' },
    });
    const fmcRegisteredOutside = single({ institutionType: 'fundManagementCompany', registration: BEIJING });
    expect(fmcRegisteredOutside.eligible).toBe(true);
    expect(keys(fmcRegisteredOutside.reasons)).toContain('R-ELIG-1:ok:elig.location.mainOffice.ok');
    const brokerRegisteredOutside = single({ registration: BEIJING });
    expect(failing(brokerRegisteredOutside.reasons)).toEqual([
      'elig.location.registration.outside',
      'elig.licensed.none',
    ]);
    const brokerOfficeOutside = single({ mainOffice: BEIJING });
    expect(brokerOfficeOutside.eligible).toBe(true);
    expect(keys(brokerOfficeOutside.reasons)).toContain('R-ELIG-1:ok:elig.location.registration.ok');
    expect(
      single({ registration: { province: '', city: '' } }).reasons.find((r) => r.rule === 'R-ELIG-1')?.params.place,
    ).toBe('');
  });

  it('R-ELIG-3: single or joint, exactly one lead, valid distinct credit codes', () => {
    expect(keys(evaluatePilotEligibility([securitiesLead]).reasons)[0]).toBe('R-ELIG-3:ok:elig.structure.single');
    expect(keys(evaluatePilotEligibility([securitiesLead, techPartner]).reasons)[0]).toBe(
      'R-ELIG-3:ok:elig.structure.joint',
    );
    expect(evaluatePilotEligibility([])).toEqual({
      eligible: false,
      reasons: [{ rule: 'R-ELIG-3', ok: false, key: 'elig.applicants.none', params: {} }],
    });
    const twoLeads = evaluatePilotEligibility([securitiesLead, { ...techPartner, lead: true }]);
    expect(twoLeads.reasons[0]).toEqual({
      rule: 'R-ELIG-3',
      ok: false,
      key: 'elig.lead.count',
      params: { count: '2' },
    });
    expect(failing(evaluatePilotEligibility([{ ...securitiesLead, lead: false }]).reasons)).toEqual([
      'elig.lead.count',
    ]);
    const bad = evaluatePilotEligibility([{ ...securitiesLead, uscc: '91350100M000100Y44' }]);
    expect(bad.reasons).toContainEqual({
      rule: 'R-ELIG-3',
      ok: false,
      key: 'elig.uscc.checksum',
      params: { name: 'Institution 1' },
    });
    expect(failing(evaluatePilotEligibility([{ ...securitiesLead, uscc: '123' }]).reasons)).toEqual([
      'elig.uscc.length',
    ]);
    const dup = evaluatePilotEligibility([securitiesLead, { ...techPartner, uscc: securitiesLead.uscc.toLowerCase() }]);
    expect(dup.reasons).toContainEqual({
      rule: 'R-ELIG-3',
      ok: false,
      key: 'elig.uscc.duplicate',
      params: { name: 'Institution 2' },
    });
  });

  it('R-ELIG-4: a tech company in a joint application may be registered anywhere and may lead', () => {
    const techElsewhere = { ...techPartner, registration: BEIJING, mainOffice: BEIJING };
    const joint = evaluatePilotEligibility([securitiesLead, techElsewhere]);
    expect(joint.eligible).toBe(true);
    expect(joint.reasons).toContainEqual({
      rule: 'R-ELIG-4',
      ok: true,
      key: 'elig.tech.joint',
      params: { name: 'Institution 2' },
    });
    const techLed = evaluatePilotEligibility([
      { ...securitiesLead, lead: false },
      { ...techElsewhere, lead: true },
    ]);
    expect(techLed.eligible).toBe(true);
    expect(keys(techLed.reasons)).toContain('R-ELIG-4:ok:elig.tech.lead');
  });

  it('R-ELIG-5: at least one eligible licensed institution; a tech company alone cannot apply', () => {
    const techAlone = evaluatePilotEligibility([{ ...techPartner, lead: true }]);
    expect(techAlone.eligible).toBe(false);
    expect(techAlone.reasons).toContainEqual({
      rule: 'R-ELIG-5',
      ok: false,
      key: 'elig.licensed.techAlone',
      params: {},
    });
    expect(techAlone.reasons.some((r) => r.rule === 'R-ELIG-4')).toBe(false);
    const unlicensed = evaluatePilotEligibility([{ ...securitiesLead, licenceNumber: ' ' }, techPartner]);
    expect(failing(unlicensed.reasons)).toEqual(['elig.licensed.none']);
    expect(failing(evaluatePilotEligibility([{ ...securitiesLead, licenceNumber: undefined }]).reasons)).toEqual([
      'elig.licensed.none',
    ]);
    // A licensed institution outside Shanghai does not count, even beside an eligible unlicensed one.
    const licensedOutside = evaluatePilotEligibility([
      { ...securitiesLead, registration: BEIJING },
      applicant({ n: 6, licenceNumber: undefined, lead: false }),
    ]);
    expect(failing(licensedOutside.reasons)).toEqual(['elig.location.registration.outside', 'elig.licensed.none']);
    const unconfirmedLicensed = evaluatePilotEligibility([{ ...securitiesLead, institutionType: 'csrcRecognised' }]);
    expect(failing(unconfirmedLicensed.reasons)).toEqual(['elig.type.unconfirmed', 'elig.licensed.none']);
    expect(evaluatePilotEligibility([marketCoreLead]).reasons).toContainEqual({
      rule: 'R-ELIG-5',
      ok: true,
      key: 'elig.licensed.ok',
      params: { name: 'Institution 3' },
    });
    expect(isLicensed(marketCoreLead)).toBe(true);
    expect(isLicensed(techPartner)).toBe(false);
    expect(isLicensed({ ...techPartner, licenceNumber: 'X' })).toBe(false);
  });

  it('R-COA-6: a coached tech company still applies jointly with a licensed institution', () => {
    const joint = evaluatePilotEligibility([securitiesLead, coachedTech]);
    expect(joint.eligible).toBe(true);
    expect(joint.reasons).toContainEqual({
      rule: 'R-COA-6',
      ok: true,
      key: 'elig.coached.joint',
      params: { name: 'Institution 4' },
    });
    const alone = evaluatePilotEligibility([{ ...coachedTech, lead: true }]);
    expect(alone.reasons).toContainEqual({
      rule: 'R-COA-6',
      ok: false,
      key: 'elig.coached.needsLicensed',
      params: { name: 'Institution 4' },
    });
    expect(
      evaluatePilotEligibility([securitiesLead, { ...coachedTech, coachingRef: '' }]).reasons.some(
        (r) => r.rule === 'R-COA-6',
      ),
    ).toBe(false);
  });

  it('R-APP-7: only a Shanghai-registered market core lead takes the preliminary path', () => {
    expect(isShanghaiMarketCoreApplication([marketCoreLead])).toBe(true);
    expect(isShanghaiMarketCoreApplication([{ ...marketCoreLead, registration: BEIJING }])).toBe(false);
    expect(isShanghaiMarketCoreApplication([securitiesLead])).toBe(false);
    expect(
      isShanghaiMarketCoreApplication([
        { ...marketCoreLead, lead: false },
        { ...securitiesLead, lead: true },
      ]),
    ).toBe(false);
    expect(isShanghaiMarketCoreApplication([])).toBe(false);
  });
});

describe('coaching eligibility', () => {
  const provider = applicant({
    n: 7,
    institutionType: 'itServiceProvider',
    licenceNumber: undefined,
    csrcFilingNumber: 'F-7',
    lead: true,
  });
  const subsidiary = applicant({
    n: 8,
    institutionType: 'itSubsidiary',
    licenceNumber: undefined,
    parentInstitution: 'P',
    lead: false,
  });
  const representative = applicant({
    n: 9,
    institutionType: 'representativeTech',
    licenceNumber: undefined,
    confirmedByStaff: true,
    lead: false,
  });

  it.each([
    ['IT service provider with CSRC filing', provider, true],
    ['IT service provider without filing', { ...provider, csrcFilingNumber: ' ' }, false],
    ['IT service provider, filing missing', { ...provider, csrcFilingNumber: undefined }, false],
    ['IT subsidiary with parent', { ...subsidiary, lead: true }, true],
    ['IT subsidiary without parent', { ...subsidiary, lead: true, parentInstitution: undefined }, false],
    ['recognised representative tech', { ...representative, lead: true }, true],
    ['unconfirmed representative tech', { ...representative, lead: true, confirmedByStaff: false }, false],
    ['generic tech company', { ...techPartner, lead: true }, false],
    ['securities company', securitiesLead, false],
    ['provider registered outside Shanghai', { ...provider, registration: BEIJING }, false],
  ])('R-COA-1: %s', (_, a, eligible) => {
    const result = evaluateCoachingEligibility([a as Applicant]);
    expect(result.eligible).toBe(eligible);
    expect(result.reasons.every((r) => r.rule === 'R-COA-1')).toBe(true);
  });

  it('R-COA-1: reasons name the applicant, and joint applications of the three kinds qualify', () => {
    expect(keys(evaluateCoachingEligibility([provider]).reasons)).toEqual([
      'R-COA-1:ok:elig.structure.single',
      'R-COA-1:ok:coa.category.ok',
      'R-COA-1:ok:coa.location.ok',
    ]);
    expect(evaluateCoachingEligibility([provider, subsidiary, representative]).eligible).toBe(true);
    expect(failing(evaluateCoachingEligibility([{ ...provider, registration: BEIJING }]).reasons)).toEqual([
      'coa.location.outside',
    ]);
    expect(failing(evaluateCoachingEligibility([{ ...provider, csrcFilingNumber: '' }]).reasons)).toEqual([
      'coa.filing.missing',
    ]);
    expect(
      failing(evaluateCoachingEligibility([{ ...subsidiary, lead: true, parentInstitution: '' }]).reasons),
    ).toEqual(['coa.parent.missing']);
    expect(
      failing(evaluateCoachingEligibility([{ ...representative, lead: true, confirmedByStaff: undefined }]).reasons),
    ).toEqual(['coa.recognition.unconfirmed']);
    expect(evaluateCoachingEligibility([securitiesLead]).reasons).toContainEqual({
      rule: 'R-COA-1',
      ok: false,
      key: 'coa.type.notEligible',
      params: { name: 'Institution 1', type: 'securitiesCompany' },
    });
    expect(evaluateCoachingEligibility([])).toEqual({
      eligible: false,
      reasons: [{ rule: 'R-COA-1', ok: false, key: 'elig.applicants.none', params: {} }],
    });
    expect(failing(evaluateCoachingEligibility([provider, { ...subsidiary, lead: true }]).reasons)).toEqual([
      'elig.lead.count',
    ]);
  });
});
