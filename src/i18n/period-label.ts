import { type PeriodName, periodName } from '../reports/periods.ts';
import { type Lang, t } from './index.ts';

const ZH_NUMERALS = ['一', '二', '三', '四'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period as people call it: "2027年第一季度" / "Q1 2027", or its dates when it is not a calendar quarter. */
export function periodLabel(p: { startsOn: string; endsOn: string }, lang: Lang): string {
  return labelOf(periodName(p), lang);
}

function labelOf(name: PeriodName, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (name.kind) {
    case 'quarter':
      return t(lang, 'reports.period.quarter', { year: name.year, n: zh ? ZH_NUMERALS[name.n - 1]! : name.n });
    case 'half':
      return t(lang, 'reports.period.half', { year: name.year, n: zh ? (name.n === 1 ? '上半年' : '下半年') : name.n });
    case 'year':
      return t(lang, 'reports.period.year', { year: name.year });
    case 'month':
      return t(lang, 'reports.period.month', { year: name.year, n: name.n, month: EN_MONTHS[name.n - 1]! });
    case 'dates':
      return t(lang, 'reports.period.dates', { from: name.startsOn, to: name.endsOn });
  }
}

/** The mark of a date counted without the official schedule: a symbol, the same in every language. */
export const UNOFFICIAL_MARK = '※';

/** The ※ after a date counted without the year's official schedule (issue 13), else nothing. */
export function unofficialMark(unofficial: boolean): string {
  return unofficial ? ` ${UNOFFICIAL_MARK}` : '';
}

/** The one line saying why a ※ date may move. */
export function unofficialNote(years: readonly number[], lang: Lang): string {
  return t(lang, 'calendar.unofficial.note', { years: years.join(lang === 'zh-CN' ? '、' : ', ') });
}
