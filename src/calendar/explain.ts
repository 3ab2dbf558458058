import { type IsoDate, shanghaiWallClock, weekdayOf, yearOf } from './dates.ts';
import { formatCalendarMessage, type Lang, weekdayName } from './messages.ts';
import type { HolidayLabel } from './official-data.ts';
import type { Explanation, ExplanationStep, PeriodUnit } from './periods.ts';

type Step<K extends ExplanationStep['kind']> = Extract<ExplanationStep, { kind: K }>;

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface Words {
  period: string;
  factDay: string;
  factTime: string;
  at: (date: string, time: string) => string;
  adjustedDay: (weekday: string, day: string) => string;
  unit: (unit: PeriodUnit, amount: number) => string;
  full: (date: IsoDate) => string;
  short: (date: IsoDate) => string;
  range: (from: IsoDate, to: IsoDate, day: (d: IsoDate) => string) => string;
  holiday: (label: HolidayLabel | undefined) => string;
  list: (items: string[]) => string;
  opening: (label: string, fact: string, factDay: string, amount: string, startCounted: boolean) => string;
  skip: (blocks: string) => string;
  adjusted: (days: string) => string;
  monthEnd: (day: string) => string;
  roll: (from: string, reason: 'holiday' | 'restDay', to: string) => string;
  end: (when: string) => string;
  sentence: (parts: string[]) => string;
}

const ZH: Words = {
  period: '期间',
  factDay: '起算日',
  factTime: '起算时刻',
  at: (date, time) => `${date} ${time}`,
  adjustedDay: (weekday, day) => `${day}（${weekday}）`,
  unit: (unit, n) =>
    ({
      workingDays: `${n} 个工作日`,
      calendarDays: `${n} 日`,
      months: `${n} 个月`,
      years: `${n} 年`,
      hours: `${n} 小时（昼夜连续计算）`,
    })[unit],
  full: (d) => `${yearOf(d)}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`,
  short: (d) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`,
  // The year is written once: "2027年1月1日–1月3日".
  range: (from, to, day) => `${day(from)}–${yearOf(from) === yearOf(to) ? ZH.short(to) : day(to)}`,
  holiday: (label) => (label ? `${label['zh-CN']}假期` : '法定节假日'),
  list: (items) => items.join('、'),
  opening: (label, fact, factDay, amount, startCounted) =>
    `${label}：自 ${fact}（${factDay}${startCounted ? '' : '，不计入'}）起 ${amount}`,
  skip: (blocks) => `跳过${blocks}`,
  adjusted: (days) => `${days}为调休工作日计入`,
  monthEnd: (day) => `到期月没有对应日，以月末日 ${day} 为最后一日`,
  roll: (from, reason, to) =>
    `最后一日 ${from} 为${reason === 'holiday' ? '法定节假日' : '休息日'}，顺延至其后第一个工作日 ${to}`,
  end: (when) => `截止 ${when}`,
  sentence: (parts) => `${parts.join('，')}。`,
};

const EN: Words = {
  period: 'Period',
  factDay: 'start date',
  factTime: 'start time',
  at: (date, time) => `${time} on ${date}`,
  adjustedDay: (weekday, day) => `${weekday} ${day}`,
  unit: (unit, n) =>
    ({
      workingDays: `${n} working day${n === 1 ? '' : 's'}`,
      calendarDays: `${n} calendar day${n === 1 ? '' : 's'}`,
      months: `${n} month${n === 1 ? '' : 's'}`,
      years: `${n} year${n === 1 ? '' : 's'}`,
      hours: `${n} clock hour${n === 1 ? '' : 's'} (day and night)`,
    })[unit],
  full: (d) => `${Number(d.slice(8))} ${EN_MONTHS[Number(d.slice(5, 7)) - 1]} ${yearOf(d)}`,
  short: (d) => `${Number(d.slice(8))} ${EN_MONTHS[Number(d.slice(5, 7)) - 1]}`,
  // "1–7 October" when the block stays in one month, as English writes it.
  range: (from, to, day) =>
    from.slice(0, 7) === to.slice(0, 7) ? `${Number(from.slice(8))}–${day(to)}` : `${day(from)} – ${day(to)}`,
  holiday: (label) => (label ? `the ${label.en} holiday` : 'the public holiday'),
  list: (items) => items.join(', '),
  opening: (label, fact, factDay, amount, startCounted) =>
    `${label}: ${amount} from ${fact} (${factDay}${startCounted ? '' : ', not counted'})`,
  skip: (blocks) => `skipping ${blocks}`,
  adjusted: (days) => `counting ${days} (adjusted working day)`,
  monthEnd: (day) => `the final month has no corresponding day, so its last day ${day} is the last day`,
  roll: (from, reason, to) =>
    `the last day ${from} is a ${reason === 'holiday' ? 'statutory holiday' : 'rest day'}, moved to the next working day ${to}`,
  end: (when) => `ends at ${when}`,
  sentence: (parts) => `${parts.join(', ')}.`,
};

function steps<K extends ExplanationStep['kind']>(explanation: Explanation, kind: K): Step<K>[] {
  return explanation.steps.filter((s): s is Step<K> => s.kind === kind);
}

/** Renders an explanation as sentences: the counting first, then one note per unknown year it touched. */
export function explainDue(explanation: Explanation, lang: Lang): string[] {
  const w = lang === 'zh-CN' ? ZH : EN;
  const { spec } = explanation;
  const hours = spec.unit === 'hours';
  const factYear = hours ? yearOf(shanghaiWallClock(explanation.factDate).date) : yearOf(explanation.factDate);
  // Dates in the fact's year are written short, as a person would; others carry their year.
  const day = (d: IsoDate) => (yearOf(d) === factYear ? w.short(d) : w.full(d));
  const instant = (iso: string) => {
    const { date, hour, minute } = shanghaiWallClock(iso);
    return w.at(w.full(date), `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
  };
  const label = spec.label?.[lang] ?? w.period;
  const fact = hours ? instant(explanation.factDate) : w.full(explanation.factDate);
  const factLabel = spec.factLabel?.[lang] ?? (hours ? w.factTime : w.factDay);
  // Art. 201: an hour period starts at the fact's instant; a day period starts the next day.
  const parts = [w.opening(label, fact, factLabel, w.unit(spec.unit, spec.amount), hours)];

  const blocks = steps(explanation, 'skipHolidays').map((b) => {
    const span = b.from === b.to ? day(b.from) : w.range(b.from, b.to, day);
    return `${w.holiday(b.label)} ${span}`;
  });
  const monthEnd = steps(explanation, 'monthEnd')[0];
  if (monthEnd) parts.push(w.monthEnd(w.full(monthEnd.lastDay)));
  const roll = steps(explanation, 'rollForward')[0];
  if (roll) parts.push(w.roll(day(roll.from), roll.reason, day(roll.to)));
  else if (blocks.length > 0) parts.push(w.skip(w.list(blocks)));
  const adjusted = steps(explanation, 'adjustedWorkingDayCounted').map((a) =>
    w.adjustedDay(weekdayName(weekdayOf(a.date), lang), day(a.date)),
  );
  if (adjusted.length > 0) parts.push(w.adjusted(w.list(adjusted)));
  parts.push(w.end(hours ? instant(explanation.dueAt) : w.at(w.full(explanation.dueDate), '24:00')));

  const notes = explanation.unknownYears.map((year) => {
    const note = formatCalendarMessage('note.unknownYear', { year }, lang);
    return lang === 'zh-CN' ? `${note}。` : `${note}.`;
  });
  return [w.sentence(parts), ...notes];
}
