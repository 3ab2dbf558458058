// The only file in the codebase that reads chinese-days. It uses the package's published JSON (documented in its
// README as a supported artefact) rather than its functions, because the functions cannot tell a year they know
// from a year they merely guess: `isWorkday('2027-01-01')` answers `true` with no data behind it.
import packageData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import packageManifest from 'chinese-days/package.json' with { type: 'json' };
import { type IsoDate, yearOf } from './dates.ts';

/** A holiday's name in both languages of the bot (a loaded file gives one name, used for both). */
export interface HolidayLabel {
  'zh-CN': string;
  en: string;
}

/** One year of official days off and adjusted working days, from whichever source. */
export interface YearData {
  year: number;
  /** Statutory days off (放假), including the weekend days inside a holiday block. */
  holidays: ReadonlyMap<IsoDate, HolidayLabel | undefined>;
  /** Saturdays/Sundays declared working days (调休上班), with the holiday they make up for. */
  adjustedWorkingDays: ReadonlyMap<IsoDate, HolidayLabel | undefined>;
  source: string;
}

/** Version of chinese-days whose data is bundled; shown in explanations so the source of a holiday is traceable. */
export const CHINESE_DAYS_SOURCE = `chinese-days ${packageManifest.version}`;

interface PackageJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = packageData as unknown as PackageJson;

// chinese-days writes names as "English,中文,days"; keep the Chinese name since notices are published in Chinese,
// and the English one for English explanations.
function holidayLabel(raw: string): HolidayLabel {
  const [en, zh] = raw.split(',');
  return { 'zh-CN': zh?.trim() || raw, en: en?.trim() || raw };
}

function groupByYear(entries: Record<string, string>): Map<number, Map<IsoDate, HolidayLabel>> {
  const byYear = new Map<number, Map<IsoDate, HolidayLabel>>();
  for (const [date, raw] of Object.entries(entries)) {
    const year = yearOf(date);
    let days = byYear.get(year);
    if (!days) {
      days = new Map();
      byYear.set(year, days);
    }
    days.set(date, holidayLabel(raw));
  }
  return byYear;
}

const holidaysByYear = groupByYear(data.holidays);
const workdaysByYear = groupByYear(data.workdays);

/**
 * Years for which chinese-days holds a full official schedule, computed from its data: a year counts only when it
 * lists both fixed-date statutory holidays, 元旦 (1 Jan) and 国庆节 (1 Oct), so a stray cross-year entry (e.g. the
 * 2018-12-31 day off that belongs to the 2019 New Year) or a half-filled year is never mistaken for a known year.
 */
export const PACKAGE_KNOWN_YEARS: readonly number[] = [...holidaysByYear.entries()]
  .filter(([year, days]) => days.has(`${year}-01-01`) && days.has(`${year}-10-01`))
  .map(([year]) => year)
  .sort((a, b) => a - b);

/** The package's data for a year it truly knows, or undefined. */
export function packageYearData(year: number): YearData | undefined {
  if (!PACKAGE_KNOWN_YEARS.includes(year)) return undefined;
  return {
    year,
    holidays: holidaysByYear.get(year) ?? new Map(),
    adjustedWorkingDays: workdaysByYear.get(year) ?? new Map(),
    source: CHINESE_DAYS_SOURCE,
  };
}
