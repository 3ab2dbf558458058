import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { PROGRAMME_TZ } from '../clock.ts';
import type { Lang } from './index.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

const ZH_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar date as people write it: 2026年3月2日（周一） / Mon 2 Mar 2026. */
export function formatDate(lang: Lang, isoDate: string): string {
  const d = dayjs.utc(isoDate);
  if (!d.isValid()) return isoDate;
  return lang === 'en'
    ? `${EN_WEEKDAYS[d.day()]} ${d.date()} ${EN_MONTHS[d.month()]} ${d.year()}`
    : `${d.year()}年${d.month() + 1}月${d.date()}日（${ZH_WEEKDAYS[d.day()]}）`;
}

/**
 * An instant in the reader's time zone, with Shanghai time beside it when the two differ, since every period
 * is counted on the programme's clock.
 */
export function formatInstant(lang: Lang, iso: string, readerTz: string = PROGRAMME_TZ): string {
  const local = dayjs(iso).tz(readerTz);
  const text = `${formatDate(lang, local.format('YYYY-MM-DD'))} ${local.format('HH:mm')}`;
  const shanghai = dayjs(iso).tz(PROGRAMME_TZ);
  if (local.utcOffset() === shanghai.utcOffset()) return text;
  return lang === 'en'
    ? `${text} (Shanghai ${shanghai.format('HH:mm')})`
    : `${text}（上海 ${shanghai.format('HH:mm')}）`;
}
