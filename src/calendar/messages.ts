/** Languages the bot speaks. */
export type Lang = 'zh-CN' | 'en';

/** Message catalog for calendar errors and explanation notes; `{name}` placeholders are filled from params. */
export const calendarMessages = {
  'zh-CN': {
    'schedule.fieldInvalid': '日程数据的字段 {field} 缺失或格式不正确',
    'schedule.yearInvalid': '年份必须是 2000 至 2100 之间的整数，收到的是 {value}',
    'schedule.dateInvalid': '{field}中的 {value} 不是有效日期，应写作 YYYY-MM-DD（如 2027-01-01）',
    'schedule.dateOutsideYear': '{field}中的 {date} 不在 {year} 年内',
    'schedule.adjustedNotWeekend': '{date} 是{weekday}，调休上班日只能是周六或周日',
    'schedule.dayInBothLists': '{date} 不能同时是放假日和调休上班日',
    'schedule.duplicateDate': '{field}中的 {date} 重复出现',
    'schedule.noHolidays': '{year} 年的日程没有任何放假日，请检查是否上传了正确的文件',
    'file.empty': '文件中没有任何日期行',
    'file.lineInvalid': '第 {line} 行格式不正确（应为“日期,holiday 或 workday,名称”）：{content}',
    'file.dateInvalid': '第 {line} 行的日期 {value} 无效，应写作 YYYY-MM-DD',
    'file.kindInvalid': '第 {line} 行的类型 {value} 无法识别，应为 holiday（放假）或 workday（调休上班）',
    'file.severalYears': '文件包含多个年份（{years}），请每次只载入一年的安排',
    'field.holidays': '放假日',
    'field.adjustedWorkingDays': '调休上班日',
    'note.unknownYear': '{year} 年的官方节假日安排尚未载入，按周一至周五计算',
  },
  en: {
    'schedule.fieldInvalid': 'The schedule field {field} is missing or malformed',
    'schedule.yearInvalid': 'The year must be a whole number between 2000 and 2100, got {value}',
    'schedule.dateInvalid': '{value} in {field} is not a valid date; write it as YYYY-MM-DD (e.g. 2027-01-01)',
    'schedule.dateOutsideYear': '{date} in {field} is not in {year}',
    'schedule.adjustedNotWeekend': '{date} is a {weekday}; an adjusted working day can only be a Saturday or a Sunday',
    'schedule.dayInBothLists': '{date} cannot be both a holiday and an adjusted working day',
    'schedule.duplicateDate': '{date} appears more than once in {field}',
    'schedule.noHolidays': 'The {year} schedule has no holidays at all; check that the right file was uploaded',
    'file.empty': 'The file has no date lines',
    'file.lineInvalid': 'Line {line} is malformed (expected "date,holiday or workday,name"): {content}',
    'file.dateInvalid': 'Line {line}: {value} is not a valid date; write it as YYYY-MM-DD',
    'file.kindInvalid': 'Line {line}: unknown type {value}; use holiday or workday',
    'file.severalYears': 'The file covers several years ({years}); load one year at a time',
    'field.holidays': 'holidays',
    'field.adjustedWorkingDays': 'adjusted working days',
    'note.unknownYear': 'The official holiday schedule for {year} has not been loaded; counted as Monday to Friday',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** A key of the calendar message catalog. */
export type CalendarMessageKey = keyof (typeof calendarMessages)['en'];

/** An error as data, so the caller renders it in the reader's language. */
export interface CalendarError {
  key: CalendarMessageKey;
  params: Record<string, string | number>;
}

const WEEKDAYS: Record<Lang, readonly string[]> = {
  'zh-CN': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** Localised weekday name, 0 = Sunday. */
export function weekdayName(weekday: number, lang: Lang): string {
  return WEEKDAYS[lang][weekday] ?? String(weekday);
}

/** Fills a catalog message; `field` and `weekday` params are themselves localised so callers pass raw values. */
export function formatCalendarMessage(
  key: CalendarMessageKey,
  params: Record<string, string | number>,
  lang: Lang,
): string {
  const catalog: Record<string, string> = calendarMessages[lang];
  const template = catalog[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (name === 'weekday' && typeof value === 'number') return weekdayName(value, lang);
    if (name === 'field') return catalog[`field.${value}`] ?? String(value);
    return String(value);
  });
}

/** Renders a calendar error in the reader's language. */
export function formatCalendarError(error: CalendarError, lang: Lang): string {
  return formatCalendarMessage(error.key, error.params, lang);
}
