import { PROGRAMME_TZ } from '../clock.ts';
import { InputError } from '../errors.ts';
import { LANGS, type Lang, langFromLocale } from '../i18n/index.ts';
import type { SlackCaller } from '../slack/web-api.ts';
import { type Db, saveUserLang, storedLangCode } from './repository.ts';

const PROFILE_CACHE_LIMIT = 5_000;

/**
 * The language stored for a recipient — a person's `/pilot lang` choice (user ids U…/W…) or a channel's setting —
 * or null when none is stored. Works on the client or inside a transaction.
 */
export async function storedLang(db: Db, recipient: string): Promise<Lang | null> {
  const lang = await storedLangCode(db, recipient);
  return lang !== null && (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : null;
}

/** A notice's language: the caller's resolver when it has one, else the stored choice, else zh-CN. */
export async function noticeLang(
  db: Db,
  recipient: string,
  langFor?: (recipient: string) => Promise<Lang>,
): Promise<Lang> {
  return (await langFor?.(recipient)) ?? (await storedLang(db, recipient)) ?? 'zh-CN';
}

/** What Slack says about a person that changes how we talk to them. */
interface SlackProfile {
  lang: Lang;
  tz: string;
}

/**
 * Resolves how to talk to a person: the language is their `/pilot lang` choice, else their Slack locale, else zh-CN;
 * the time zone is their Slack time zone, else Shanghai. Slack is asked once per person and remembered (bounded).
 */
export function createLanguageResolver(prisma: Db, slack: SlackCaller) {
  const profiles = new Map<string, SlackProfile>();
  const profileOf = async (userId: string): Promise<SlackProfile> => {
    const cached = profiles.get(userId);
    if (cached) return cached;
    const outcome = await slack('users.info', { user: userId, include_locale: true });
    const user =
      outcome.kind === 'ok' ? (outcome.result.user as { locale?: string; tz?: string } | undefined) : undefined;
    const profile = { lang: langFromLocale(user?.locale), tz: user?.tz || PROGRAMME_TZ };
    // Only a real answer is remembered; a failed lookup is asked again next time.
    if (outcome.kind === 'ok') {
      if (profiles.size >= PROFILE_CACHE_LIMIT) profiles.delete(profiles.keys().next().value as string);
      profiles.set(userId, profile);
    }
    return profile;
  };
  return {
    async langFor(userId: string): Promise<Lang> {
      if (!userId) return 'zh-CN';
      return (await storedLang(prisma, userId)) ?? (await profileOf(userId)).lang;
    },
    /** The reader's time zone, so times show in it (with Shanghai's beside them when they differ). */
    async tzFor(userId: string): Promise<string> {
      return userId ? (await profileOf(userId)).tz : PROGRAMME_TZ;
    },
    async channelLang(channelId: string | null): Promise<Lang> {
      return (channelId ? await storedLang(prisma, channelId) : null) ?? 'zh-CN';
    },
    /** `/pilot lang`: stores the person's choice; it wins over their Slack locale. */
    async setLang(userId: string, lang: Lang): Promise<void> {
      if (!(LANGS as readonly string[]).includes(lang)) throw new InputError('command.badLang', { lang });
      await saveUserLang(prisma, userId, lang);
    },
  };
}
