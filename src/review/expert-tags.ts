import { InputError } from '../errors.ts';
import { LANGS, t } from '../i18n/index.ts';
import { EXPERT_TAG_KEYS, EXPERT_TAGS } from './ids.ts';

type ExpertTag = (typeof EXPERT_TAGS)[number];

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

// Every way staff may write a tag: its id, and its label in each language (the pool shows the labels).
const BY_NAME = new Map<string, ExpertTag>();
for (const tag of EXPERT_TAGS) {
  BY_NAME.set(squash(tag), tag);
  for (const lang of LANGS) BY_NAME.set(squash(t(lang, EXPERT_TAG_KEYS[tag])), tag);
}

/**
 * Reads expertise tags as staff type them (`/pilot experts add @x 区块链 risk`): ids or labels in either language,
 * separated by spaces, commas or 、. An unknown word is refused with the list of tags as the pool shows them.
 */
export function resolveExpertTags(words: readonly string[]): ExpertTag[] {
  const out: ExpertTag[] = [];
  const unknown: string[] = [];
  for (const word of words.flatMap((w) => w.split(/[,，、;；]/)).filter((w) => w.trim() !== '')) {
    const tag = BY_NAME.get(squash(word));
    if (!tag) unknown.push(word);
    else if (!out.includes(tag)) out.push(tag);
  }
  if (unknown.length > 0)
    throw new InputError('experts.error.tag', { tags: unknown.join('、'), known: '@list.expertTags' });
  return out;
}

/** The tags as a reader sees them, for help texts and refusals: 大数据、云计算、… */
export function expertTagList(lang: (typeof LANGS)[number]): string {
  return EXPERT_TAGS.map((tag) => t(lang, EXPERT_TAG_KEYS[tag])).join(lang === 'en' ? ', ' : '、');
}
