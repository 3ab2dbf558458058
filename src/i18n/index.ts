import { en } from './en.ts';
import { exportsEn } from './exports.en.ts';
import { exportsZhCN } from './exports.zh-CN.ts';
import { recordsEn } from './records.en.ts';
import { recordsZhCN } from './records.zh-CN.ts';
import { reportsEn } from './reports.en.ts';
import { reportsZhCN } from './reports.zh-CN.ts';
import { rulesEn } from './rules.en.ts';
import { rulesZhCN } from './rules.zh-CN.ts';
import { uiEn } from './ui.en.ts';
import { uiZhCN } from './ui.zh-CN.ts';
import { zhCN } from './zh-CN.ts';

/** The languages people can choose; zh-CN is the default for the working group. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type MessageKey =
  | keyof typeof zhCN
  | keyof typeof uiZhCN
  | keyof typeof exportsZhCN
  | keyof typeof recordsZhCN
  | keyof typeof reportsZhCN
  | keyof typeof rulesZhCN;

// One catalog per area keeps files short; they merge here, and a test checks both languages have every key.
export const catalogs: Record<Lang, Record<MessageKey, string>> = {
  'zh-CN': { ...zhCN, ...uiZhCN, ...exportsZhCN, ...recordsZhCN, ...reportsZhCN, ...rulesZhCN },
  en: { ...en, ...uiEn, ...exportsEn, ...recordsEn, ...reportsEn, ...rulesEn },
};

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Maps a Slack locale (zh-CN, zh-TW, en-US, …) to a supported language; anything unknown falls back to zh-CN. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/**
 * A typed error's message: like `t`, but a parameter written `@<label key>` (e.g. `@state.pilot.screening`) is
 * shown as that machine label in the reader's language, so domain code can name a stage without knowing the language.
 */
export function tError(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number>,
  label: (lang: Lang, key: string) => string,
): string {
  const resolved = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' && v.startsWith('@') ? label(lang, v.slice(1)) : v,
    ]),
  );
  return t(lang, key, resolved);
}
