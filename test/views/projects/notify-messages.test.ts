import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checklistMessage, NOTIFY_TEMPLATES, notifyMessage } from '../../../src/views/projects/notify-messages.ts';

const MACHINES = path.resolve(import.meta.dirname, '../../machines');

/** Every notify template the machines can emit, read from their source so a new one cannot go unnoticed. */
function templatesInMachines(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(MACHINES).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(path.join(MACHINES, file), 'utf8');
    for (const m of text.matchAll(/(?:notify|sanctionNotice)\('([\w.]+)'|template: '([\w.]+)'/g))
      found.add(m[1] ?? m[2]!);
  }
  return [...found].sort();
}

describe('notify messages', () => {
  it('every template the machines emit has a message', () => {
    expect(templatesInMachines().filter((t) => !(t in NOTIFY_TEMPLATES))).toEqual([]);
  });

  it('every message names the project and the rule, in both languages', () => {
    for (const template of Object.keys(NOTIFY_TEMPLATES)) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const m = notifyMessage(
          { template: template as keyof typeof NOTIFY_TEMPLATES, audience: 'owner', rule: 'R-APP-6', data: {} },
          { ref: 'P-2026-001', title: 'T' },
          lang,
        );
        expect(m.text).toContain('P-2026-001');
        expect(m.text).toContain('R-APP-6');
      }
    }
  });

  it('R-TOL-1: a sanction message shows whether each incident qualifies for fault tolerance', () => {
    const m = notifyMessage(
      {
        template: 'sanction.decided',
        audience: 'managers',
        rule: 'R-EXIT-5',
        data: {},
        faultTolerance: [
          { incidentId: 'i1', assessed: true, qualifies: true },
          { incidentId: 'i2', assessed: true, qualifies: false },
          { incidentId: 'i3', assessed: false, qualifies: false },
        ],
      },
      { ref: 'P-2026-001', title: 'T' },
      'zh-CN',
    );
    const shown = JSON.stringify(m.blocks);
    expect(shown).toContain('i1：符合容错条件');
    expect(shown).toContain('i2：不符合容错条件');
    expect(shown).toContain('i3：尚未评估');
  });

  it('R-INC-1: the conversion checklist lists every incentive with its label', () => {
    const m = checklistMessage(
      { kind: 'incentives', rule: 'R-INC-1', items: ['publicNotice', 'industryBulletin'] },
      { ref: 'P-2026-001' },
      'zh-CN',
    );
    expect(m.text).toContain('社会公示');
    expect(m.text).toContain('行业通报');
  });
});
