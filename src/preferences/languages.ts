import type { PrismaClient } from '../db/client.ts';
import { InputError } from '../errors.ts';
import { LANGS, type Lang, langFromLocale } from '../i18n/index.ts';
import type { SlackCaller } from '../slack/web-api.ts';

const LOCALE_CACHE_LIMIT = 5_000;

/**
 * Resolves the language to answer a person in: their `/pilot lang` choice, else their Slack locale (asked once
 * and remembered, bounded), else zh-CN, the working group's language.
 */
export function createLanguageResolver(
  prisma: Pick<PrismaClient, 'userPreference' | 'channelPreference'>,
  slack: SlackCaller,
) {
  const locales = new Map<string, Lang>();
  return {
    async langFor(userId: string): Promise<Lang> {
      if (!userId) return 'zh-CN';
      const pref = await prisma.userPreference.findUnique({ where: { userId } });
      if (pref && (LANGS as readonly string[]).includes(pref.lang)) return pref.lang as Lang;
      const cached = locales.get(userId);
      if (cached) return cached;
      const outcome = await slack('users.info', { user: userId, include_locale: true });
      const locale =
        outcome.kind === 'ok'
          ? ((outcome.result.user as { locale?: string } | undefined)?.locale ?? undefined)
          : undefined;
      const lang = langFromLocale(locale);
      // Only a real answer is remembered; a failed lookup is asked again next time.
      if (outcome.kind === 'ok') {
        if (locales.size >= LOCALE_CACHE_LIMIT) locales.delete(locales.keys().next().value as string);
        locales.set(userId, lang);
      }
      return lang;
    },
    async channelLang(channelId: string | null): Promise<Lang> {
      if (!channelId) return 'zh-CN';
      const pref = await prisma.channelPreference.findUnique({ where: { channelId } });
      return pref && (LANGS as readonly string[]).includes(pref.lang) ? (pref.lang as Lang) : 'zh-CN';
    },
    /** `/pilot lang`: stores the person's choice; it wins over their Slack locale. */
    async setLang(userId: string, lang: Lang): Promise<void> {
      if (!(LANGS as readonly string[]).includes(lang)) throw new InputError('command.badLang', { lang });
      await prisma.userPreference.upsert({ where: { userId }, update: { lang }, create: { userId, lang } });
      locales.delete(userId);
    },
  };
}
