import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../machines/shared/uscc.ts';
import { affiliationCounts, conflictReasons, normaliseCompanyName, normaliseUscc } from '../../src/review/conflicts.ts';
import {
  type Candidate,
  exclusionOf,
  isAway,
  type ProjectForAssignment,
  rankExperts,
} from '../../src/review/rank-experts.ts';
import { reviewPanel, reviewStats } from '../../src/review/review-panel.ts';

const code = (first17: string) => first17 + usccCheckChar(first17);
const APPLICANT_CODE = code('91310000MA1FL8XQ3');
const TODAY = '2026-11-26';

const expert = (userId: string, over: Partial<Candidate> = {}): Candidate => ({
  userId,
  tags: [],
  maxLoad: 3,
  awayFrom: null,
  awayUntil: null,
  affiliations: [],
  declaredOn: [],
  load: 0,
  lastAssignedAt: null,
  ...over,
});
const project: ProjectForAssignment = {
  id: 'p1',
  technologies: ['blockchain', 'ai'],
  applicants: [
    { name: '上海浦江证券股份有限公司', uscc: APPLICANT_CODE },
    { name: '链科信息技术有限公司', uscc: '' },
  ],
  alreadyInvited: [],
};

describe('conflicts of interest (issue 6)', () => {
  it('R-APP-2: the same unified social credit code conflicts, whatever the names', () => {
    const reasons = conflictReasons(
      [{ name: 'Pujiang Securities', uscc: ` ${APPLICANT_CODE.toLowerCase()} `, endedOn: null }],
      project.applicants,
      false,
      TODAY,
    );
    expect(reasons).toEqual([
      { kind: 'uscc', affiliation: 'Pujiang Securities', applicant: '上海浦江证券股份有限公司' },
    ]);
  });

  it('R-APP-2: when both sides have codes, different codes do not conflict even with the same name', () => {
    const other = code('91310000MA1FL8XQ4');
    expect(
      conflictReasons(
        [{ name: '上海浦江证券股份有限公司', uscc: other, endedOn: null }],
        project.applicants,
        false,
        TODAY,
      ),
    ).toEqual([]);
  });

  it.each([
    ['浦江证券有限公司', '上海浦江证券股份有限公司'],
    ['上海市浦江证券有限责任公司', '上海浦江证券股份有限公司'],
    ['浦 江 证 券', '上海浦江证券股份有限公司'],
    ['ＡＢＣ金融科技有限公司', 'abc金融科技股份有限公司'],
    ['　上海　链科信息技术 有限公司', '链科信息技术有限公司'],
  ])('R-APP-2: without codes, normalised names match: %s ≈ %s', (affiliation, applicant) => {
    expect(normaliseCompanyName(affiliation)).toBe(normaliseCompanyName(applicant));
    expect(
      conflictReasons(
        [{ name: affiliation, uscc: null, endedOn: null }],
        [{ name: applicant, uscc: '' }],
        false,
        TODAY,
      ),
    ).toEqual([{ kind: 'name', affiliation, applicant }]);
  });

  it('R-APP-2: a different company does not conflict; a suffix is removed only once and only at the end', () => {
    expect(
      conflictReasons([{ name: '浦江期货有限公司', uscc: null, endedOn: null }], project.applicants, false, TODAY),
    ).toEqual([]);
    expect(normaliseCompanyName('有限公司科技有限公司')).toBe('有限公司科技');
    expect(normaliseCompanyName('上海')).toBe('');
    expect(
      conflictReasons([{ name: '上海', uscc: null, endedOn: null }], [{ name: '上海市', uscc: '' }], false, TODAY),
    ).toEqual([]);
    expect(normaliseUscc(null)).toBe('');
  });

  it('R-APP-2: ended affiliations conflict for 3 years after they end, then no longer', () => {
    const ended = (endedOn: string) => [{ name: '浦江证券', uscc: null, endedOn }];
    expect(affiliationCounts({ name: 'x', uscc: null, endedOn: '2023-11-26' }, TODAY)).toBe(true);
    expect(affiliationCounts({ name: 'x', uscc: null, endedOn: '2023-11-25' }, TODAY)).toBe(false);
    expect(conflictReasons(ended('2023-11-26'), project.applicants, false, TODAY)).toHaveLength(1);
    expect(conflictReasons(ended('2023-11-25'), project.applicants, false, TODAY)).toEqual([]);
    expect(conflictReasons(ended('2026-01-01'), project.applicants, false, TODAY)).toHaveLength(1);
  });

  it('R-APP-2: a declared conflict excludes the expert on that project only', () => {
    expect(conflictReasons([], project.applicants, true, TODAY)).toEqual([{ kind: 'declared' }]);
    const declared = expert('U1', { declaredOn: ['p1'] });
    expect(exclusionOf(declared, project, TODAY)).toEqual({ kind: 'conflict', reasons: [{ kind: 'declared' }] });
    expect(exclusionOf(declared, { ...project, id: 'p2' }, TODAY)).toBeNull();
  });
});

describe('automatic assignment (issue 6)', () => {
  it('R-APP-2: picks by most matched tags, then least load, then longest since last assignment', () => {
    const pool = [
      expert('U_A', { tags: ['ai'], load: 0 }),
      expert('U_B', { tags: ['ai', 'blockchain'], load: 2 }),
      expert('U_C', { tags: ['ai', 'blockchain'], load: 1, lastAssignedAt: '2026-11-01T00:00:00Z' }),
      expert('U_D', { tags: ['ai', 'blockchain'], load: 1, lastAssignedAt: '2026-10-01T00:00:00Z' }),
      expert('U_E', { tags: ['compliance'], load: 0 }),
      expert('U_F', { tags: ['ai', 'blockchain'], load: 1 }),
    ];
    const { picks } = rankExperts(pool, project, 3, TODAY);
    // F never assigned, then D (longer ago than C); B (load 2) and A (one tag) wait.
    expect(picks.map((p) => p.userId)).toEqual(['U_F', 'U_D', 'U_C']);
    expect(picks[0]).toEqual({ userId: 'U_F', matchedTags: ['blockchain', 'ai'], load: 1, maxLoad: 3 });
    expect(rankExperts(pool, project, 5, TODAY).picks.map((p) => p.userId)).toEqual([
      'U_F',
      'U_D',
      'U_C',
      'U_B',
      'U_A',
    ]);
    expect(rankExperts(pool, project, 0, TODAY).picks).toEqual([]);
  });

  it('R-APP-2: never over the load cap or while away; every one left out comes with its reason', () => {
    const pool = [
      expert('U_FULL', { tags: ['ai'], load: 3, maxLoad: 3 }),
      expert('U_AWAY', { tags: ['ai'], awayFrom: '2026-11-20', awayUntil: '2026-12-01' }),
      expert('U_BACK', { tags: ['ai'], awayFrom: '2026-11-01', awayUntil: '2026-11-25' }),
      expert('U_LATER', { tags: ['ai'], awayFrom: '2026-11-27', awayUntil: null }),
      expert('U_CONFLICT', { affiliations: [{ name: '上海浦江证券有限公司', uscc: null, endedOn: null }] }),
      expert('U_ASKED'),
    ];
    const result = rankExperts(pool, { ...project, alreadyInvited: ['U_ASKED'] }, 3, TODAY);
    expect(result.picks.map((p) => p.userId)).toEqual(['U_BACK', 'U_LATER']);
    expect(result.excluded).toEqual([
      { userId: 'U_ASKED', exclusion: { kind: 'alreadyInvited' } },
      { userId: 'U_AWAY', exclusion: { kind: 'away', until: '2026-12-01' } },
      {
        userId: 'U_CONFLICT',
        exclusion: {
          kind: 'conflict',
          reasons: [{ kind: 'name', affiliation: '上海浦江证券有限公司', applicant: '上海浦江证券股份有限公司' }],
        },
      },
      { userId: 'U_FULL', exclusion: { kind: 'loadCap', load: 3, maxLoad: 3 } },
    ]);
    expect(isAway({ awayFrom: null, awayUntil: '2026-11-26' }, TODAY)).toBe(true);
    expect(isAway({ awayFrom: '2026-11-26', awayUntil: null }, TODAY)).toBe(true);
    expect(isAway({ awayFrom: null, awayUntil: null }, TODAY)).toBe(false);
  });

  it('R-APP-2: deterministic: the same pool in any order gives the same picks', () => {
    const arbExpert = fc.record({
      userId: fc.stringMatching(/^U[0-9A-Z]{3}$/),
      tags: fc.subarray(['ai', 'blockchain', 'bigData', 'risk']),
      load: fc.integer({ min: 0, max: 4 }),
      lastAssignedAt: fc.option(fc.constantFrom('2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z'), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbExpert, { selector: (e) => e.userId, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        (raw, n) => {
          const pool = raw.map((e) => expert(e.userId, e));
          const once = rankExperts(pool, project, n, TODAY);
          const again = rankExperts([...pool].reverse(), project, n, TODAY);
          expect(again).toEqual(once);
          for (const p of once.picks) expect(p.load).toBeLessThan(p.maxLoad);
          // Optimal: no one left eligible matches more tags than the weakest pick.
          const weakest = Math.min(...once.picks.map((p) => p.matchedTags.length));
          const picked = new Set(once.picks.map((p) => p.userId));
          for (const e of pool)
            if (!picked.has(e.userId) && exclusionOf(e, project, TODAY) === null)
              expect(project.technologies.filter((t) => e.tags.includes(t)).length).toBeLessThanOrEqual(weakest);
        },
      ),
    );
  });
});

describe('the working group’s view of the reviews (issue 6)', () => {
  const review = (reviewerId: string, scores: number[], recommendation = 'pass') => ({
    reviewerId,
    ratings: {
      legalCompliance: scores[0],
      orderlyInnovation: scores[1],
      riskControllability: scores[2],
      policyFit: scores[3],
    },
    recommendation,
    submittedAt: '2026-11-26T00:00:00Z',
  });
  const criteria = ['legalCompliance', 'orderlyInnovation', 'riskControllability', 'policyFit'];

  it('R-APP-2: per criterion mean, min and max; disagreement when a spread is 2 or more', () => {
    const calm = reviewStats(
      [review('a', [4, 4, 3, 5]), review('b', [5, 3, 4, 5]), review('c', [4, 4, 4, 4])],
      criteria,
    );
    expect(calm.stats[0]).toEqual({ criterion: 'legalCompliance', mean: 4.3, min: 4, max: 5 });
    expect(calm.disagreement).toBe(false);
    expect(reviewStats([review('a', [4, 4, 3, 5]), review('b', [4, 4, 5, 5])], criteria).disagreement).toBe(true);
  });

  it('R-APP-2: a reviewer sees only their own status, and the results only after submitting their own', () => {
    const assignments = [
      { reviewerId: 'U1', status: 'submitted' as const },
      { reviewerId: 'U2', status: 'accepted' as const },
      { reviewerId: 'U3', status: 'declined' as const, conflict: true },
      { reviewerId: 'U4', status: 'submitted' as const },
    ];
    const input = {
      assignments,
      reviews: [review('U1', [1, 1, 1, 1], 'filterOut'), review('U4', [5, 5, 5, 5])],
      needed: 2,
      criteria,
      lateReviewers: new Set(['U2']),
      override: null,
    };
    const staff = reviewPanel(input, { userId: 'U9', staff: true });
    expect(staff.reviewers.map((r) => r.status)).toEqual(['submitted', 'late', 'conflict', 'submitted']);
    expect(staff.summary?.recommendations).toEqual(['filterOut', 'pass']);
    expect(staff.summary?.disagreement).toBe(true);
    const waiting = reviewPanel(input, { userId: 'U2', staff: false });
    expect(waiting.reviewers).toEqual([{ userId: 'U2', status: 'late' }]);
    expect(waiting.summary).toBeNull();
    expect(reviewPanel(input, { userId: 'U1', staff: false }).summary).not.toBeNull();
    expect(reviewPanel({ ...input, needed: 3 }, { userId: 'U9', staff: true }).summary).toBeNull();
  });
});
