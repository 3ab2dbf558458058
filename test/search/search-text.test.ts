import { describe, expect, it } from 'vitest';
import { matchedFields, normaliseSearch, queryForms, searchText } from '../../src/search/search-text.ts';

const project = {
  ref: 'P-2026-007',
  title: 'Ｓｍａｒｔ　托管 平台',
  snapshot: {
    context: {
      applicants: [{ name: '上海 数据交易所有限公司', uscc: '91310000ma1fl7777x' }],
      comments: { c1: { summary: '关于风险提示', disposition: '已说明' } },
      reviews: [{ comments: { innovation: '创新性较强' } }],
    },
  },
};

describe('search text', () => {
  it('folds full width, case and spaces (including the ideographic space)', () => {
    expect(normaliseSearch('Ｓｍａｒｔ　托管 平台')).toBe('smart托管平台');
  });

  it('keeps every value on its own tagged line, and the applicants reduced as the conflict check reduces them', () => {
    const indexed = searchText(project);
    expect(indexed.text.split('\n')).toEqual([
      'r:p-2026-007',
      'r:p2026007',
      't:smart托管平台',
      'i:上海数据交易所有限公司',
      'u:91310000ma1fl7777x',
      'c:关于风险提示',
      'c:已说明',
      'c:创新性较强',
    ]);
    expect(indexed.names).toBe('数据交易所');
  });

  it('tells where a query matched; the reduced company form only among applicants', () => {
    const indexed = searchText(project);
    expect(matchedFields(indexed, queryForms('上海数据交易所股份有限公司'))).toEqual(['institution']);
    expect(matchedFields(indexed, queryForms('9131 0000 MA1FL7777X'))).toEqual(['uscc']);
    expect(matchedFields(indexed, queryForms('风险'))).toEqual(['comment']);
    expect(matchedFields(indexed, queryForms('p2026007'))).toEqual(['ref']);
    // 上海托管 reduces to 托管, but the reduced form is looked for in applicants' names only.
    expect(matchedFields(indexed, queryForms('上海托管'))).toEqual([]);
  });
});
