import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs, langFromLocale, t } from '../../src/i18n/index.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sourceFiles(full);
    // The catalogs define the keys; every other file, i18n's own helpers included, may use them.
    const catalog = /^(ui\.)?(zh-CN|en)\.ts$/.test(name) && dir.endsWith('i18n');
    return full.endsWith('.ts') && !catalog ? [full] : [];
  });
}

describe('message catalogs', () => {
  const zh = Object.keys(catalogs['zh-CN']).sort();
  const en = Object.keys(catalogs.en).sort();

  it('zh-CN and en have the same keys', () => {
    expect(en).toEqual(zh);
  });

  it('every zh-CN message contains Chinese characters', () => {
    const without = Object.entries(catalogs['zh-CN']).filter(([, v]) => !/\p{Script=Han}/u.test(v));
    expect(without.map(([k]) => k)).toEqual([]);
  });

  it('every key is used somewhere in src (quoted as a string literal)', () => {
    const code = sourceFiles(SRC)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = zh.filter((k) => !code.includes(`'${k}'`));
    expect(unused).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'command.unknown', { sub: 'x' })).toBe('Unknown subcommand "x".');
    expect(t('en', 'command.unknown')).toBe('Unknown subcommand "{sub}".');
  });

  it('maps Slack locales: English ones to en, everything else to zh-CN', () => {
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('zh-CN')).toBe('zh-CN');
    expect(langFromLocale(undefined)).toBe('zh-CN');
  });
});
