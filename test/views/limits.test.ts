import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COACHING_EVENTS, type EventInfo, PILOT_EVENTS } from '../../machines/catalog.ts';
import { EXIT_ITEMS, INCENTIVES } from '../../machines/pilot/events.ts';
import { evaluatePilotEligibility } from '../../machines/shared/eligibility.ts';
import type { Prisma } from '../../src/db/client.ts';
import { getHome, type HomeData } from '../../src/home/get-home.ts';
import { HOME } from '../../src/home/ids.ts';
import { LANGS, type Lang, t } from '../../src/i18n/index.ts';
import { unresolvedLabels } from '../../src/i18n/labels.ts';
import type { ProjectCardData } from '../../src/projects/get-project-card.ts';
import { TITLE_MAX } from '../../src/projects/intake.ts';
import type { ProjectFilter, ProjectPage } from '../../src/projects/list-projects.ts';
import { PAGE_SIZE } from '../../src/projects/list-projects.ts';
import type { ActionForm } from '../../src/projects/perform-action.ts';
import { RECORD_KINDS } from '../../src/records/kinds.ts';
import type { RecordItem } from '../../src/records/list-records.ts';
import { EXPERT_TAGS } from '../../src/review/ids.ts';
import { startSnapshot } from '../../src/runtime/machines.ts';
import * as cardChecklistModule from '../../src/views/checklists/card-checklist.ts';
import * as deadlineModalsModule from '../../src/views/deadlines/deadline-modals.ts';
import * as deadlineMessagesModule from '../../src/views/deadlines/messages.ts';
import * as whyModule from '../../src/views/deadlines/why-message.ts';
import * as digestModule from '../../src/views/digests/digest-message.ts';
import * as historyModule from '../../src/views/exports/history-message.ts';
import * as searchModule from '../../src/views/exports/search-results.ts';
import * as appHomeModule from '../../src/views/home/app-home.ts';
import * as helpModule from '../../src/views/home/help-message.ts';
import * as deadMessagesModule from '../../src/views/outbox/dead-messages.ts';
import * as actionModalModule from '../../src/views/projects/action-modal.ts';
import * as cardMessageModule from '../../src/views/projects/card-message.ts';
import * as drillModule from '../../src/views/projects/drill-modals.ts';
import * as intakeFormsModule from '../../src/views/projects/intake-forms.ts';
import * as intakeModule from '../../src/views/projects/intake-modal.ts';
import * as noticeModule from '../../src/views/projects/notice-with-card.ts';
import * as notifyModule from '../../src/views/projects/notify-messages.ts';
import * as cardModule from '../../src/views/projects/project-card.ts';
import * as listModule from '../../src/views/projects/project-list.ts';
import * as cardRecordsModule from '../../src/views/records/card-records.ts';
import * as recordsListModule from '../../src/views/records/records-list.ts';
import * as recordsModalsModule from '../../src/views/records/records-modals.ts';
import * as expertsModule from '../../src/views/review/experts-modal.ts';
import * as reviewFormModule from '../../src/views/review/review-form.ts';
import * as reviewMessagesModule from '../../src/views/review/review-messages.ts';
import * as reviewPanelModule from '../../src/views/review/review-panel.ts';
import * as settingsModule from '../../src/views/settings/settings-messages.ts';
import * as blocksModule from '../../src/views/shared/blocks.ts';
import * as workingModule from '../../src/views/shared/working-modal.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { applicant, pilotInput } from '../support/machines.ts';

type Json = Record<string, unknown>;
type Surface = 'message' | 'modal' | 'home';

/** Block Kit's limits (api.slack.com/reference/block-kit), written out here independently of the builders' LIMITS. */
const MAX = {
  blocks: { message: 50, modal: 100, home: 100 } as Record<Surface, number>,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  headerText: 150,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  inputLabel: 2000,
  inputHint: 2000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  options: 100,
  optionText: 75,
  optionValue: 150,
  id: 255,
  plainTextInput: 3000,
};

const len = (s: unknown) => [...String(s ?? '')].length;
const textOf = (o: unknown) => (o as { text?: string } | undefined)?.text;

/** Every way a message or view breaks Block Kit's limits, as readable strings; empty when it respects them all. */
function violations(surface: Surface, typedBlocks: readonly object[], typedView?: object): string[] {
  // The builders are typed with @slack/types; the checks read them as plain JSON, the way Slack does.
  const blocks = typedBlocks as Json[];
  const view = typedView as Json | undefined;
  const out: string[] = [];
  const over = (what: string, value: number, max: number) => {
    if (value > max) out.push(`${what}: ${value} > ${max}`);
  };
  over(`${surface} blocks`, blocks.length, MAX.blocks[surface]);
  if (view) {
    over('title', len(textOf(view.title)), MAX.modalTitle);
    if (view.submit) over('submit', len(textOf(view.submit)), MAX.modalButton);
    if (view.close) over('close', len(textOf(view.close)), MAX.modalButton);
    over('private_metadata', len(view.private_metadata), MAX.privateMetadata);
    over('callback_id', len(view.callback_id), MAX.callbackId);
  }
  // Buttons and other interactive elements are routed by action_id, so those must be unique in the whole surface;
  // input elements are read back by (block_id, action_id), the identity Slack requires to be unique.
  const interactive = new Map<string, number>();
  const inputs = new Set<string>();
  const blockIds = new Set<string>();

  const element = (el: Json, where: string, inInput: string | null) => {
    if (el.action_id !== undefined) {
      over(`${where} action_id length`, len(el.action_id), MAX.id);
      const id = String(el.action_id);
      if (inInput !== null) {
        const key = `${inInput}/${id}`;
        if (inputs.has(key)) out.push(`${where}: duplicate input ${key}`);
        inputs.add(key);
      } else interactive.set(id, (interactive.get(id) ?? 0) + 1);
    }
    if (el.type === 'button') {
      over(`${where} button text`, len(textOf(el.text)), MAX.buttonText);
      over(`${where} button value`, len(el.value), MAX.buttonValue);
    }
    const confirm = el.confirm as Json | undefined;
    if (confirm) {
      over(`${where} confirm title`, len(textOf(confirm.title)), MAX.confirmTitle);
      over(`${where} confirm text`, len(textOf(confirm.text)), MAX.confirmText);
      over(`${where} confirm button`, len(textOf(confirm.confirm)), MAX.confirmButton);
      over(`${where} confirm deny`, len(textOf(confirm.deny)), MAX.confirmButton);
      for (const part of ['title', 'text', 'confirm', 'deny'])
        if (!textOf(confirm[part])) out.push(`${where}: confirm dialog without ${part}`);
    }
    for (const key of ['options', 'initial_options'] as const) {
      const options = el[key] as Json[] | undefined;
      if (!options) continue;
      over(`${where} ${key}`, options.length, MAX.options);
      for (const o of options) {
        over(`${where} option text`, len(textOf(o.text)), MAX.optionText);
        over(`${where} option value`, len(o.value), MAX.optionValue);
      }
    }
    if (el.type === 'plain_text_input') {
      const max = Number(el.max_length ?? MAX.plainTextInput);
      over(`${where} max_length`, max, MAX.plainTextInput);
      over(`${where} initial_value`, len(el.initial_value), max);
    }
  };

  blocks.forEach((b, i) => {
    const where = `block ${i} (${String(b.type)})`;
    if (b.block_id !== undefined) {
      over(`${where} block_id length`, len(b.block_id), MAX.id);
      if (blockIds.has(String(b.block_id))) out.push(`${where}: duplicate block_id ${String(b.block_id)}`);
      blockIds.add(String(b.block_id));
    }
    switch (b.type) {
      case 'section': {
        over(`${where} text`, len(textOf(b.text)), MAX.sectionText);
        const fields = (b.fields as Json[] | undefined) ?? [];
        over(`${where} fields`, fields.length, MAX.sectionFields);
        for (const f of fields) over(`${where} field text`, len(textOf(f)), MAX.fieldText);
        if (b.accessory) element(b.accessory as Json, where, null);
        break;
      }
      case 'context': {
        const elements = (b.elements as Json[]) ?? [];
        over(`${where} elements`, elements.length, MAX.contextElements);
        for (const e of elements) if (e.type !== 'image') over(`${where} text`, len(e.text), MAX.contextText);
        break;
      }
      case 'actions': {
        const elements = (b.elements as Json[]) ?? [];
        over(`${where} elements`, elements.length, MAX.actionsElements);
        for (const e of elements) element(e, where, null);
        break;
      }
      case 'header':
        over(`${where} text`, len(textOf(b.text)), MAX.headerText);
        break;
      case 'input':
        over(`${where} label`, len(textOf(b.label)), MAX.inputLabel);
        if (b.hint) over(`${where} hint`, len(textOf(b.hint)), MAX.inputHint);
        element(b.element as Json, where, String(b.block_id ?? i));
        break;
      case 'divider':
        break;
      default:
        out.push(`${where}: a block type this test does not know; teach it the type's limits`);
    }
  });
  for (const [id, n] of interactive) if (n > 1) out.push(`action_id ${id} used ${n} times`);
  return out;
}

const message = (m: { blocks: readonly object[] }) => violations('message', m.blocks);
const SlackIds = (blocks: unknown[]) =>
  (blocks as Array<{ elements?: Array<{ action_id?: string }> }>).flatMap((b) =>
    (b.elements ?? []).map((e) => e.action_id),
  );
const modal = (v: object) => violations('modal', (v as Json).blocks as Json[], v);

// Maximal field lengths: the longest title the intake allows, long applicant names, many of everything.
const LONG_TITLE = '基于区块链与人工智能的跨境资本市场智能投顾与份额登记一体化平台'.repeat(10).slice(0, TITLE_MAX);
const long = (n: number, unit = '长') => unit.repeat(n);
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const user = (n: number) => `U${String(n).padStart(10, '0')}`;

function maximalCard(): ProjectCardData {
  return {
    id: uuid(1),
    ref: 'P-2026-999',
    track: 'pilot',
    title: LONG_TITLE,
    version: 99,
    machine: 'pilot',
    stage: 'piloting',
    statePath: 'piloting.rectification,piloting.reporting',
    status: 'active',
    ownerId: user(1),
    channelId: 'C0PROJECTS',
    applicants: Array.from({ length: 60 }, (_, i) => ({
      name: long(200, '机'),
      lead: i === 0,
      institutionType: 'other',
    })),
    materials: {
      present: [],
      missing: ['projectPlan', 'riskAssessment', 'emergencyPlan', 'exitPlan', 'investorProtection'],
    },
    batchId: long(100, 'b'),
    batchName: long(100),
    contact: { name: long(50, '联'), phone: long(30, '1'), email: `${long(200, 'e')}@example.org` },
    pending: { kind: 'forcedExit', proposedBy: user(2) },
    openComments: 500,
    comments: Array.from({ length: 500 }, (_, n) => ({
      id: `c${n}`,
      source: 'institution',
      summary: long(3000),
      raisesRisk: n % 2 === 0,
      dispositionKind: n % 3 === 0 ? null : 'acceptedPlanRevised',
      disposition: n % 3 === 0 ? null : long(3000),
    })),
    deadlines: Array.from({ length: 500 }, (_, i) => ({
      id: uuid(i),
      kind: i % 2 ? 'incidentFirstReport' : 'rectificationDue',
      dueDate: '2026-03-02',
      dueAt: '2026-03-02T10:00:00Z',
      status: i % 3 ? 'open' : 'missed',
      responsibleUserId: user(i),
      clock: 'ours',
    })),
    timeline: Array.from({ length: 500 }, (_, i) => ({
      eventType: 'decision.confirm',
      actorId: i % 2 ? user(i) : null,
      recordedAt: '2026-03-02T10:00:00Z',
      toState: 'piloting.rectification',
    })),
    review: maximalPanel(),
    checklist: {
      kind: 'exitPlan',
      rule: 'R-EXIT-6',
      items: EXIT_ITEMS.map((item) => ({ item, done: null })),
      dueDate: '2026-12-31',
      mayTick: true,
    },
    actions: Object.entries(PILOT_EVENTS).flatMap(([type, info]) =>
      info.decisions
        ? Object.entries(info.decisions).map(([k, d]) => ({
            type,
            decisionKind: k,
            labelKey: d.labelKey,
            fact: info.fact,
            fields: d.fields,
            direct: true,
          }))
        : [{ type, labelKey: info.labelKey, fact: info.fact, fields: info.fields }],
    ),
  };
}

const STATUSES = ['invited', 'accepted', 'declined', 'conflict', 'withdrawn', 'submitted', 'late'] as const;
/** A record of a kind with every text at its longest and every fact filled in. */
function maximalRecord(kind: (typeof RECORD_KINDS)[number], i: number): RecordItem {
  const text = long(3000);
  const report = { on: '2026-03-02', summary: text, late: true };
  const data: Record<string, unknown> = {
    authority: 'shanghaiBureau',
    mode: 'onSite',
    scheduledFor: '2026-03-02',
    findings: text,
    findingsOn: '2026-03-02',
    text,
    requiredChange: text,
    evidence: text,
    source: 'finding',
    summary: text,
    outcome: text,
    compensation: long(200),
    acknowledgedOn: '2026-03-02',
    resolvedOn: '2026-03-02',
    acknowledgedLate: true,
    resolvedLate: true,
    incidentKind: 'securityIncident',
    occurredAt: '2026-03-02T10:00:00+08:00',
    reports: { first: report, handling: report, final: report },
    faultTolerance: { actualInvestorLoss: true, lossesCompensated: true, marketStabilityAffected: false },
    qualifies: true,
    guidanceKind: 'csrcRelayed',
    noticeRef: long(200),
    measure: 'suspend',
    severity: 'minor',
    violation: 'commitment',
    reportedOn: '2026-03-02',
    bureauDecisionDate: '2026-03-02',
    allowedMeasures: ['suspend', 'stop'],
    proposedBy: user(1),
    confirmedBy: user(2),
    legalBasis: ['R-EXIT-5', 'R-TOL-1'],
  };
  if (kind === 'sanction')
    data.faultTolerance = Array.from({ length: 50 }, (_, n) => ({
      incidentId: `i${n}`,
      assessed: true,
      qualifies: n % 2 === 0,
    }));
  const status = {
    inspection: 'findingsRecorded',
    finding: 'recorded',
    rectification: 'open',
    complaint: 'resolved',
    incident: 'handlingReported',
    guidance: 'recorded',
    sanction: 'administrativeMeasures',
  }[kind];
  return {
    id: uuid(i),
    kind,
    key: `${kind[0]}${i}-f${long(20, '9')}`,
    parentKey: `n${i}-f${long(20, '9')}`,
    status,
    data,
    personal: { complainantName: long(200), complainantContact: long(200) },
    openedOn: '2026-03-02',
    dueDate: '2026-03-20',
    closedOn: null,
    late: true,
    overdue: true,
  };
}

function maximalPanel(): NonNullable<ProjectCardData['review']> {
  return {
    needed: 500,
    submitted: 500,
    reviewers: Array.from({ length: 500 }, (_, i) => ({ userId: user(i), status: STATUSES[i % STATUSES.length]! })),
    summary: {
      stats: ['legalCompliance', 'orderlyInnovation', 'riskControllability', 'policyFit'].map((criterion) => ({
        criterion,
        mean: 3.3333,
        min: 1,
        max: 5,
      })),
      disagreement: true,
      recommendations: Array.from(
        { length: 500 },
        (_, i) => (['pass', 'filterOut', 'moreInformation'] as const)[i % 3]!,
      ),
    },
    override: { by: user(3), reason: long(3000) },
  };
}

const EXPERT_TAG_LIST = [...EXPERT_TAGS];
function maximalExpert(i: number) {
  return {
    userId: user(i),
    tags: EXPERT_TAG_LIST,
    maxLoad: 20,
    awayFrom: '2026-03-02',
    awayUntil: '2026-04-02',
    affiliations: Array.from({ length: 30 }, () => ({
      name: long(200, '机'),
      uscc: '91310000MA1FL8XQ3X',
      endedOn: '2025-01-01',
    })),
    declaredOn: [],
    load: 20,
    lastAssignedAt: null,
  };
}

function maximalPage(): ProjectPage {
  return {
    page: 1,
    pages: 50,
    total: 500,
    items: Array.from({ length: PAGE_SIZE }, (_, i) => ({
      id: uuid(i),
      ref: `P-2026-${String(i + 1).padStart(3, '0')}`,
      title: LONG_TITLE,
      track: 'pilot',
      machine: 'pilot',
      stage: 'piloting',
      ownerId: user(i),
      nextDue: { kind: 'rectificationDue', dueDate: '2026-03-02', missed: i % 2 === 0 },
    })),
  };
}

const FILTERS: ProjectFilter[] = [
  { kind: 'all' },
  { kind: 'stage', stage: long(100, 'x') },
  { kind: 'track', track: 'coaching' },
  { kind: 'mine' },
  { kind: 'overdue' },
  { kind: 'batch', name: long(100, '批') },
];

/** A Home tab's data as the builder could be handed it: 500 of everything, longest titles. */
function maximalHome(): HomeData {
  const due = { kind: 'rectificationDue', dueDate: '2026-03-02', missed: true };
  const ref = (i: number) => `P-2026-${String(i + 1).padStart(3, '0')}`;
  const n = Array.from({ length: 500 }, (_, i) => i);
  return {
    userId: user(0),
    myProjects: {
      total: 500,
      items: n.map((i) => ({ ref: ref(i), title: LONG_TITLE, machine: 'pilot', stage: 'piloting', nextDue: due })),
    },
    reviews: {
      total: 500,
      items: n.map((i) => ({ ref: ref(i), title: LONG_TITLE, status: 'assigned' as const, due })),
    },
    waiting: {
      deadlines: { total: 500, items: n.map((i) => ({ ref: ref(i), title: LONG_TITLE, ...due })) },
      decisions: {
        total: 500,
        items: n.map((i) => ({ ref: ref(i), title: LONG_TITLE, kind: 'forcedExit', proposedBy: user(i) })),
      },
    },
    pipeline: {
      missedDeadlines: 500,
      tracks: [
        {
          track: 'pilot',
          machine: 'pilot',
          total: 500,
          stages: n.slice(0, 40).map((i) => ({ stage: `stage${long(90, 'x')}${i}`, count: 500 })),
        },
        { track: 'coaching', machine: 'coaching', total: 0, stages: [] },
      ],
    },
  };
}

/** One form per event type (and per decision kind) of both machines, with and without 500 database choices. */
function everyActionForm(): ActionForm[] {
  const forms: ActionForm[] = [];
  const catalogs: Array<[string, Record<string, EventInfo>]> = [
    ['pilot', PILOT_EVENTS],
    ['coaching', COACHING_EVENTS],
  ];
  for (const [, events] of catalogs)
    for (const [type, info] of Object.entries(events)) {
      const variants = info.decisions
        ? Object.entries(info.decisions).map(([k, d]) => ({ k, labelKey: d.labelKey, fields: d.fields }))
        : [{ k: undefined, labelKey: info.labelKey, fields: info.fields }];
      for (const v of variants)
        for (const withChoices of [false, true]) {
          const choices = Object.fromEntries(
            withChoices
              ? v.fields.map((f) => [
                  f.name,
                  Array.from({ length: 500 }, (_, i) => ({ value: uuid(i), label: long(200, '选') })),
                ])
              : [],
          );
          forms.push({
            ref: { p: uuid(1), v: 99, t: type, ...(v.k ? { k: v.k } : {}) },
            projectRef: 'C-2026-999',
            title: LONG_TITLE,
            action: {
              type,
              ...(v.k ? { decisionKind: v.k } : {}),
              labelKey: v.labelKey,
              fact: info.fact,
              fields: v.fields,
            },
            choices,
          });
        }
    }
  return forms;
}

describe.each(LANGS)('Block Kit limits in %s', (lang: Lang) => {
  it('the project card with maximal fields, 500 deadlines, 500 timeline entries and every action', () => {
    const blocks = cardModule.projectCard(maximalCard(), lang);
    expect(message({ blocks })).toEqual([]);
    expect(modal(drillModule.cardModal(maximalCard(), lang))).toEqual([]);
  });

  it('the project list page of 500 projects, for every filter, as a message and as a modal', () => {
    for (const filter of FILTERS) {
      expect(message(listModule.projectListMessage(maximalPage(), filter, lang))).toEqual([]);
      expect(modal(drillModule.listModal(maximalPage(), filter, lang))).toEqual([]);
    }
  });

  it('the Home tab handed 500 of everything', () => {
    const view = appHomeModule.appHomeView(maximalHome(), lang);
    expect(view.type).toBe('home');
    expect(violations('home', view.blocks)).toEqual([]);
    // Nothing is lost silently: the cut lists say how many more there are, and the pipeline at the end is still there.
    const contexts = view.blocks
      .filter((b) => b.type === 'context')
      .map((b) => ((b as unknown as Json).elements as Json[])[0]!.text);
    expect(contexts).toContain(t(lang, 'home.more', { count: 490 }));
    expect(contexts.filter((c) => c !== t(lang, 'home.more', { count: 490 })).length).toBeGreaterThanOrEqual(3);
    const last = view.blocks.at(-1) as { elements: Array<{ action_id: string }> };
    expect(last.elements[0]!.action_id).toBe(HOME.drillAction('overdue'));
  });

  it('issue 14: search results of 15 long-titled projects and a history page of 10 entries, both pager buttons', () => {
    const hits = Array.from({ length: 15 }, (_, i) => ({
      ref: `P-2026-${String(i + 100).padStart(3, '0')}`,
      title: LONG_TITLE,
      machine: 'pilot',
      stage: 'piloting.rectification',
      track: 'pilot',
      matched: ['ref', 'title', 'institution', 'uscc', 'comment'] as const,
    }));
    const result = { text: LONG_TITLE, total: 500, hits: hits.map((h) => ({ ...h, matched: [...h.matched] })) };
    expect(message(searchModule.searchResultsMessage(result, lang))).toEqual([]);
    expect(message(searchModule.searchResultsMessage({ ...result, total: 0, hits: [] }, lang))).toEqual([]);
    const entries = Array.from({ length: 10 }, (_, i) => ({
      id: String(i),
      eventType: 'decision.confirm',
      actorId: i === 0 ? null : user(i),
      actorKind: i === 0 ? 'system' : 'user',
      recordedAt: new Date('2026-12-01T02:00:00Z'),
      factDate: '2026-11-30',
      fromState: 'piloting.riskFound',
      toState: 'piloting.rectification',
    }));
    const page = {
      ref: 'P-2026-100',
      title: LONG_TITLE,
      machine: 'pilot',
      kind: 'decision',
      page: 2,
      pages: 50,
      total: 500,
      entries,
    };
    const rendered = historyModule.historyMessage(page, lang, 'America/New_York');
    expect(message(rendered)).toEqual([]);
    expect(SlackIds(rendered.blocks)).toEqual(['history.page.prev', 'history.page.next']);
  });

  it('help and the /pilot menu', () => {
    expect(message(helpModule.helpMessage(lang))).toEqual([]);
    expect(message(helpModule.menuMessage(lang))).toEqual([]);
  });

  it('the intake modals of both tracks, with the longest channel id', () => {
    for (const track of ['pilot', 'coaching'] as const)
      expect(modal(intakeModule.intakeModal(lang, { v: 1, track, channelId: `C${long(40, 'A')}` }, user(1)))).toEqual(
        [],
      );
  });

  it('the action modal of every event type of both machines', () => {
    const forms = everyActionForm();
    expect(forms.length).toBeGreaterThan(Object.keys(PILOT_EVENTS).length + Object.keys(COACHING_EVENTS).length);
    for (const form of forms)
      expect([form.ref.t, ...modal(actionModalModule.actionModal(form, lang, '2026-03-02'))]).toEqual([form.ref.t]);
  });

  it('the intake forms: applicant form filled to the maximum, materials, eligibility of 20 applicants, card buttons', () => {
    const full = applicant({
      n: 7,
      name: long(200, '机'),
      institutionType: 'other',
      otherSpecified: long(200, '他'),
      registration: { province: long(50, '省'), city: long(50, '市') },
      mainOffice: { province: long(50, '省'), city: long(50, '市') },
      licenceNumber: long(100, 'L'),
      csrcFilingNumber: long(100, 'F'),
      parentInstitution: long(200, '母'),
      coachingRef: long(100, 'C'),
    });
    for (const i of [null, 19])
      expect(modal(intakeFormsModule.applicantModal(lang, { p: uuid(1), i }, 'P-2026-999', full))).toEqual([]);
    const required = ['projectPlan', 'riskAssessment', 'emergencyPlan', 'exitPlan', 'investorProtection'];
    const links = Object.fromEntries(required.map((m) => [m, `https://files.example.org/${long(900, 'a')}`]));
    expect(modal(intakeFormsModule.materialsModal(lang, uuid(1), 'P-2026-999', required, links))).toEqual([]);
    const applicants = Array.from({ length: 20 }, (_, i) =>
      applicant({ n: i + 1, name: long(200, '机'), lead: i === 0 }),
    );
    const eligibility = evaluatePilotEligibility(applicants);
    expect(
      modal(intakeFormsModule.eligibilityView(lang, { ref: 'P-2026-999', eligibility, missingMaterials: required })),
    ).toEqual([]);
    const buttons = intakeFormsModule.intakeButtons(lang, uuid(1), applicants);
    expect(message({ blocks: [{ type: 'actions', elements: buttons }] })).toEqual([]);
  });

  it('the batch modal, with and without a (too) long typed name', () => {
    for (const name of [null, 'B-2026-1', long(500, '批')])
      expect(modal(settingsModule.batchModal(lang, '2026-03-02', name))).toEqual([]);
  });

  it('R-EXIT-6, R-INC-1: the card checklists at their longest, for a viewer who may tick and one who may not', () => {
    for (const mayTick of [true, false]) {
      const exit = {
        kind: 'exitPlan' as const,
        rule: 'R-EXIT-6' as const,
        items: EXIT_ITEMS.map((item, i) => ({
          item,
          done: i % 2 ? { by: 'U'.padEnd(11, '9'), on: '2027-01-05' } : null,
        })),
        dueDate: '2027-03-31',
        mayTick,
      };
      const incentives = {
        kind: 'incentives' as const,
        rule: 'R-INC-1' as const,
        items: INCENTIVES.map((item) => ({ item, done: null })),
        dueDate: null,
        mayTick,
      };
      for (const checklist of [exit, incentives])
        expect(message({ blocks: cardChecklistModule.checklistBlocks(uuid(1), checklist, lang) })).toEqual([]);
    }
  });

  it('issue 13: 500 supervision records of every kind at their longest, their forms, and the card line', () => {
    const items = Array.from({ length: 500 }, (_, i) => maximalRecord(RECORD_KINDS[i % RECORD_KINDS.length]!, i));
    const list = { projectId: uuid(1), ref: 'P-2026-999', title: long(TITLE_MAX), kind: null, items, editor: true };
    expect(message(recordsListModule.recordsListMessage(list, lang) as never)).toEqual([]);
    expect(message(recordsListModule.recordsListMessage({ ...list, items: [] }, lang) as never)).toEqual([]);
    for (const item of items.slice(0, RECORD_KINDS.length)) {
      expect(modal(recordsModalsModule.editRecordModal(lang, item) as never)).toEqual([]);
      expect(modal(recordsModalsModule.openItemModal(lang, item, '2026-03-02') as never)).toEqual([]);
      expect(modal(recordsModalsModule.closeItemModal(lang, item, '2026-03-02') as never)).toEqual([]);
    }
    const summary = { kinds: RECORD_KINDS.map((kind) => ({ kind, total: 999, open: 999, late: 999 })) };
    const section = cardRecordsModule.recordsCardSection(summary, 'P-2026-999', lang);
    expect(message({ blocks: [section as never] })).toEqual([]);
    expect(cardRecordsModule.recordsCardSection({ kinds: [] }, 'P-2026-999', lang)).toBeNull();
  });

  it('the deadline modals and the calendar form, with a loaded calendar that moved 500 deadlines', () => {
    expect(modal(deadlineModalsModule.extendModal(lang, uuid(1), '2026-03-02'))).toEqual([]);
    expect(modal(deadlineModalsModule.reassignModal(lang, uuid(1)))).toEqual([]);
    expect(modal(deadlineModalsModule.calendarModal(lang))).toEqual([]);
    const moved = Array.from({ length: 500 }, (_, i) => uuid(i));
    expect(modal(deadlineModalsModule.calendarLoadedView(lang, { year: 2027, recomputed: 500, moved }))).toEqual([]);
  });

  it('issue 6: the expert pool of 500, the expert modal, reports, invitations, the review forms and the panel', () => {
    const experts = Array.from({ length: 500 }, (_, i) => maximalExpert(i));
    expect(message(expertsModule.expertsMessage(lang, { experts, autoAssign: true }))).toEqual([]);
    expect(message(expertsModule.expertsMessage(lang, { experts: [], autoAssign: false }))).toEqual([]);
    expect(modal(expertsModule.expertModal(lang, experts[0]))).toEqual([]);
    expect(modal(expertsModule.expertModal(lang))).toEqual([]);
    expect(expertsModule.tagLabel(lang, 'unknownTag')).toBe('unknownTag');
    expect(expertsModule.affiliationsText([{ name: 'A', uscc: null, endedOn: null }])).toBe('A');
    const exclusions = [
      { kind: 'conflict', reasons: [{ kind: 'uscc', affiliation: long(200), applicant: long(200) }] },
      { kind: 'conflict', reasons: [{ kind: 'name', affiliation: long(200), applicant: long(200) }] },
      { kind: 'conflict', reasons: [{ kind: 'declared' }] },
      { kind: 'away', until: '2026-04-02' },
      { kind: 'loadCap', load: 20, maxLoad: 20 },
      { kind: 'alreadyInvited' },
    ] as const;
    const outcome = {
      ref: 'P-2026-999',
      picks: Array.from({ length: 500 }, (_, i) => ({
        userId: user(i),
        matchedTags: EXPERT_TAG_LIST,
        load: 20,
        maxLoad: 20,
      })),
      excluded: Array.from({ length: 500 }, (_, i) => ({
        userId: user(i),
        exclusion: exclusions[i % exclusions.length]! as never,
      })),
      missing: 3,
    };
    expect(message(reviewMessagesModule.assignmentReport(outcome, lang))).toEqual([]);
    expect(message(reviewMessagesModule.assignmentReport({ ...outcome, excluded: [], picks: [] }, lang))).toEqual([]);
    expect(message(reviewMessagesModule.assignmentReport({ ...outcome, missing: 0 }, lang))).toEqual([]);
    for (const e of exclusions)
      expect(reviewMessagesModule.exclusionText(user(1), e as never, lang)).toContain(user(1));
    const invitation = {
      projectId: uuid(1),
      ref: 'P-2026-999',
      title: LONG_TITLE,
      scenario: long(2000),
      technologies: ['bigData', 'cloudComputing', 'ai', 'blockchain', 'otherNewIt'],
      materials: { projectPlan: `https://example.org/${long(1900, 'x')}`, exitPlan: null },
      respondBy: '2026-03-04',
      reviewWorkingDays: 10,
      simplified: true,
    };
    expect(message(reviewMessagesModule.invitationMessage(invitation, lang))).toEqual([]);
    expect(
      message(reviewMessagesModule.acceptedMessage({ projectId: uuid(1), ref: 'P-2026-999', dueDate: null }, lang)),
    ).toEqual([]);
    expect(modal(reviewFormModule.acceptModal(lang, uuid(1), 'P-2026-999'))).toEqual([]);
    const full = {
      projectId: uuid(1),
      ref: 'P-2026-999',
      title: LONG_TITLE,
      simplified: false,
      criteria: ['legalCompliance', 'orderlyInnovation', 'riskControllability', 'policyFit'],
      values: {
        legalCompliance: 5,
        legalComplianceComment: long(3000),
        policyFitComment: long(3000),
        recommendation: 'moreInformation',
        confidentialNote: long(3000),
      },
      amending: true,
      coaching: [],
    };
    expect(modal(reviewFormModule.reviewFormModal(lang, full))).toEqual([]);
    const coaching = Array.from({ length: 20 }, (_, i) => ({
      ref: `C-2026-${i}`,
      outcome: 'passed',
      letterDate: '2026-01-02',
      letterRef: '证监科技函〔2026〕'.repeat(20),
      publishedOn: null,
    }));
    const simplified = {
      ...full,
      simplified: true,
      criteria: ['newRisks', 'investorProtectionMeasures'],
      values: {},
      amending: false,
      coaching,
    };
    expect(modal(reviewFormModule.reviewFormModal(lang, simplified))).toEqual([]);
    expect(modal(reviewFormModule.reviewFormModal(lang, { ...simplified, coaching: [] }))).toEqual([]);
    expect(message({ blocks: reviewPanelModule.reviewBlocks(maximalPanel(), lang) })).toEqual([]);
  });

  it("the machines' messages: every notify template, both checklists, a moved due date, with a maximal title", () => {
    const project = { ref: 'P-2026-999', title: LONG_TITLE };
    for (const template of Object.keys(notifyModule.NOTIFY_TEMPLATES))
      expect(
        message(
          notifyModule.notifyMessage(
            {
              template: template as keyof typeof notifyModule.NOTIFY_TEMPLATES,
              audience: 'managers',
              rule: 'R-EXIT-5',
              data: {},
              faultTolerance: Array.from({ length: 50 }, (_, i) => ({
                incidentId: `i${i}`,
                assessed: i % 3 !== 0,
                qualifies: i % 2 === 0,
              })),
            },
            project,
            lang,
          ),
        ),
      ).toEqual([]);
    expect(
      message(notifyModule.checklistMessage({ kind: 'incentives', rule: 'R-INC-1', items: INCENTIVES }, project, lang)),
    ).toEqual([]);
    expect(
      message(notifyModule.checklistMessage({ kind: 'exitPlan', rule: 'R-EXIT-6', items: EXIT_ITEMS }, project, lang)),
    ).toEqual([]);
    expect(
      message(
        notifyModule.deadlineMovedMessage(
          { key: 'k', kind: 'reviewerResponse', change: 'moved', dueDate: '2027-01-04', previousDueDate: '2026-12-31' },
          project,
          lang,
        ),
      ),
    ).toEqual([]);
  });

  it('the settings messages with 500 users per role and 500 batches', () => {
    const users = Array.from({ length: 500 }, (_, i) => user(i));
    expect(
      message(settingsModule.rolesMessage({ admin: users, manager: users, staff: users, reviewer: users }, lang)),
    ).toEqual([]);
    for (const workingGroupChannel of ['C0123456789', null])
      expect(message(settingsModule.settingsMessage({ workingGroupChannel, autoAssign: true }, lang))).toEqual([]);
    const batches = Array.from({ length: 500 }, (_, i) => ({
      id: uuid(i),
      name: long(100, '批'),
      opensOn: '2026-03-02',
      closesOn: '2026-04-02',
      status: (['planned', 'open', 'closed'] as const)[i % 3]!,
    }));
    expect(message(settingsModule.batchesMessage(batches, lang))).toEqual([]);
    expect(message(settingsModule.batchesMessage([], lang))).toEqual([]);
    expect(message(settingsModule.confirmation(long(5000)))).toEqual([]);
    expect(modal(settingsModule.relayModal(lang, '2026-03-02'))).toEqual([]);
    const refs = Array.from({ length: 500 }, (_, i) => `P-2026-${String(i).padStart(3, '0')}`);
    expect(modal(settingsModule.relayResultView(lang, { relayed: refs, failed: refs }))).toEqual([]);
    expect(modal(workingModule.workingModal(lang))).toEqual([]);
    expect(modal(workingModule.noticeModal(lang, long(5000)))).toEqual([]);
  });

  it('the messages rendered when sent: deadline steps, /pilot why with 500 deadlines, a 500-line digest, dead rows, card and notice', () => {
    const project = { ref: 'P-2026-999', title: LONG_TITLE };
    const deadline = {
      id: uuid(1),
      kind: 'reviewerResponse',
      rule: 'R-APP-2',
      dueDate: '2026-12-31',
      dueAt: '2026-12-31T16:00:00.000Z',
      responsibleUserId: user(1),
    };
    for (const clock of ['ours', 'institution', 'reviewer', 'csrc'])
      for (const step of ['reminder:3', 'warning:1', 'escalation:owner', 'escalation:managers'])
        for (const hourly of [true, false])
          expect(
            message(
              deadlineMessagesModule.stepMessage(
                {
                  project,
                  deadline: { ...deadline, clock, hourly },
                  step,
                  lateSince: '2026-12-30T01:00:00.000Z',
                  workingDaysLate: 30,
                },
                lang,
              ),
            ),
          ).toEqual([]);
    const move = { ref: project.ref, kind: 'reviewerResponse', year: 2027, from: '2027-02-10', to: '2027-02-15' };
    expect(message(deadlineMessagesModule.calendarMovedMessage(move, lang))).toEqual([]);
    const handOver = { ref: project.ref, kind: 'reviewerResponse', dueDate: '2026-12-31', by: user(2) };
    expect(message(deadlineMessagesModule.reassignedMessage(handOver, lang))).toEqual([]);
    const explained = Array.from({ length: 500 }, (_, i) => ({
      deadlineId: uuid(i),
      key: `k${i}`,
      kind: 'reviewerResponse',
      kindLabel: long(100),
      rule: 'R-APP-2',
      clock: 'reviewer',
      clockLabel: long(50),
      status: 'open',
      basis: long(500),
      counting: Array.from({ length: 40 }, () => long(100)),
      holidaysSkipped: Array.from({ length: 40 }, () => '2026-10-01'),
      adjustedDaysCounted: ['2026-10-11'],
      unknownYears: [2028],
      unknownYearWarning: long(200),
      explicit: { dueDate: '2026-12-31', extendedFrom: '2026-12-01', reason: long(1000) },
      dueDate: '2026-12-31',
      dueAt: '2026-12-31T16:00:00.000Z',
      result: long(5000),
      responsibleUserId: user(i),
      nextStep: 'reminder:3',
      nextStepAt: '2026-12-28T01:00:00.000Z',
      snoozedUntil: '2026-12-29T01:00:00.000Z',
    }));
    const why = { project: { id: uuid(1), ...project }, deadlines: explained };
    expect(message(whyModule.projectDeadlinesMessage(why, lang))).toEqual([]);
    expect(message(whyModule.projectDeadlinesMessage({ ...why, deadlines: [] }, lang))).toEqual([]);
    const line = (i: number) => ({
      deadlineId: uuid(i),
      ref: project.ref,
      title: LONG_TITLE,
      kind: 'reviewerResponse',
      dueDate: '2026-12-31',
      responsibleUserId: user(i),
    });
    const lines = Array.from({ length: 500 }, (_, i) => line(i));
    const digest = {
      date: '2026-12-01',
      filters: { track: 'pilot' as const, stage: 'screening' },
      stages: Array.from({ length: 500 }, (_, i) => ({ track: 'pilot', stage: `${long(30, 'x')}${i}`, count: i })),
      upcoming: lines,
      missed: lines,
      coachingEnding: lines,
      lateReviewers: lines,
      auditCheck: { ranAt: '2026-12-01T19:00:00.000Z', ok: false, rows: 1_000_000 },
    };
    expect(message(digestModule.digestMessage(digest, lang))).toEqual([]);
    const dead = Array.from({ length: 500 }, (_, i) => ({
      id: String(i),
      key: long(500),
      method: 'pilotdesk.message',
      channel: 'C0123456789',
      attempts: 8,
      lastError: long(5000),
      createdAt: '2026-12-01T01:00:00.000Z',
    }));
    expect(message(deadMessagesModule.deadMessagesMessage(dead, lang))).toEqual([]);
    expect(message(cardMessageModule.cardMessage(maximalCard(), lang))).toEqual([]);
    const entry = { eventType: Object.keys(PILOT_EVENTS)[0]!, actorId: user(1), stage: 'piloting' };
    expect(cardMessageModule.threadEntryText(entry, 'pilot', lang)).toContain(`<@${user(1)}>`);
    expect(message(noticeModule.noticeWithCard(long(5000), maximalCard(), lang, undefined))).toEqual([]);
    expect(message(noticeModule.noticeWithCard(long(5000), null, lang, undefined))).toEqual([]);
  });
});

describe('the limits checker', () => {
  it('catches each kind of violation it claims to check', () => {
    const button = (id: string, text = 'ok', value = 'v') => ({
      type: 'button',
      text: { type: 'plain_text', text },
      value,
      action_id: id,
    });
    const found = violations('message', [
      ...Array.from({ length: 50 }, () => ({ type: 'divider' })),
      {
        type: 'section',
        text: { type: 'mrkdwn', text: long(3001) },
        fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })),
      },
      { type: 'actions', block_id: 'a', elements: [button('x', long(76)), button('x', 'ok', long(2001))] },
      { type: 'actions', block_id: 'a', elements: Array.from({ length: 26 }, (_, i) => button(`b${i}`)) },
      { type: 'header', text: { type: 'plain_text', text: long(151) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: long(3001) }] },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'x' },
        accessory: {
          type: 'static_select',
          action_id: long(256),
          options: Array.from({ length: 101 }, () => ({ text: { type: 'plain_text', text: long(76) }, value: 'v' })),
        },
      },
      {
        type: 'input',
        block_id: 'i',
        label: { type: 'plain_text', text: long(2001) },
        element: { type: 'plain_text_input', action_id: 'v', max_length: 10, initial_value: long(11) },
      },
      { type: 'video' },
    ]);
    for (const what of [
      'message blocks',
      'text: 3001',
      'fields: 11',
      'button text',
      'button value',
      'duplicate block_id a',
      'elements: 26',
      'header',
      'action_id length',
      'options: 101',
      'option text',
      'label',
      'initial_value',
      'action_id x used 2 times',
      'does not know',
    ])
      expect(found.join('\n')).toContain(what);
    const view = {
      title: { text: long(25) },
      submit: { text: long(25) },
      close: { text: long(25) },
      private_metadata: long(3001),
    };
    expect(violations('modal', [], view)).toHaveLength(4);
  });

  it('every view builder in src/views is rendered above', () => {
    // Every file under src/views is one of the modules imported above; a new file must be added (and rendered) here.
    // Folders with a limits test of their own are left to it: reports (test/views/reports), batches (test/views/batches).
    const OWN_TESTS = ['src/views/reports/', 'src/views/batches/'];
    const files = readdirSync(new URL('../../src/views/', import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `src/views/${f.split(sep).join('/')}`)
      .filter((f) => !OWN_TESTS.some((dir) => f.startsWith(dir)))
      .sort();
    expect(files).toEqual(
      [
        'src/views/projects/action-modal.ts',
        'src/views/home/app-home.ts',
        'src/views/shared/blocks.ts',
        'src/views/deadlines/deadline-modals.ts',
        'src/views/deadlines/messages.ts',
        'src/views/deadlines/why-message.ts',
        'src/views/digests/digest-message.ts',
        'src/views/projects/drill-modals.ts',
        'src/views/review/experts-modal.ts',
        'src/views/review/review-form.ts',
        'src/views/review/review-messages.ts',
        'src/views/review/review-panel.ts',
        'src/views/home/help-message.ts',
        'src/views/projects/intake-forms.ts',
        'src/views/projects/intake-modal.ts',
        'src/views/shared/mrkdwn.ts',
        'src/views/projects/notify-messages.ts',
        'src/views/outbox/dead-messages.ts',
        'src/views/projects/project-card.ts',
        'src/views/projects/project-list.ts',
        'src/views/projects/card-message.ts',
        'src/views/projects/notice-with-card.ts',
        'src/views/settings/settings-messages.ts',
        'src/views/shared/working-modal.ts',
        'src/views/records/card-records.ts',
        'src/views/records/records-list.ts',
        'src/views/records/records-modals.ts',
        'src/views/checklists/card-checklist.ts',
        'src/views/exports/history-message.ts',
        'src/views/exports/search-results.ts',
      ].sort(),
    );
    const builders = [
      actionModalModule,
      appHomeModule,
      deadlineModalsModule,
      drillModule,
      helpModule,
      intakeFormsModule,
      intakeModule,
      cardModule,
      listModule,
      settingsModule,
      expertsModule,
      reviewFormModule,
      reviewMessagesModule,
      reviewPanelModule,
      notifyModule,
      workingModule,
      recordsListModule,
      recordsModalsModule,
      cardRecordsModule,
      deadlineMessagesModule,
      whyModule,
      digestModule,
      deadMessagesModule,
      cardMessageModule,
      noticeModule,
      cardChecklistModule,
      searchModule,
      historyModule,
    ]
      .flatMap((m) => Object.entries(m))
      .filter(([, v]) => typeof v === 'function')
      .map(([name]) => name)
      .sort();
    const helpers = Object.keys(blocksModule).filter((k) => k !== 'LIMITS');
    expect(helpers.sort()).toEqual([
      'button',
      'context',
      'formModal',
      'inputBlock',
      'mrkdwnSection',
      'plain',
      'truncate',
    ]);
    expect(builders).toEqual(
      [
        'actionModal',
        'appHomeView',
        'applicantModal',
        'eligibilityView',
        'intakeButtons',
        'materialsModal',
        'batchModal',
        'batchesMessage',
        'calendarLoadedView',
        'calendarModal',
        'extendModal',
        'reassignModal',
        'cardModal',
        'confirmation',
        'helpMessage',
        'intakeModal',
        'listModal',
        'menuMessage',
        'projectCard',
        'projectListMessage',
        'relayModal',
        'relayResultView',
        'rolesMessage',
        'settingsMessage',
        'expertsMessage',
        'expertModal',
        'tagLabel',
        'affiliationsText',
        'assignmentReport',
        'exclusionText',
        'invitationMessage',
        'acceptedMessage',
        'acceptModal',
        'reviewFormModal',
        'reviewBlocks',
        'notifyMessage',
        'checklistMessage',
        'deadlineMovedMessage',
        'recordsListMessage',
        // Parts of the records list, rendered with it.
        'itemText',
        'faultTolerance',
        'editRecordModal',
        'openItemModal',
        'closeItemModal',
        'recordsCardSection',
        'checklistBlocks',
        'checklistItemLabel',
        'workingModal',
        'noticeModal',
        'stepMessage',
        'snoozeButton',
        'calendarMovedMessage',
        'reassignedMessage',
        'projectDeadlinesMessage',
        'digestMessage',
        'deadMessagesMessage',
        'cardMessage',
        'threadEntryText',
        'noticeWithCard',
        'searchResultsMessage',
        'historyMessage',
      ].sort(),
    );
  });
});

describe('the Home tab of a manager over 500 projects in the database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    const start = startSnapshot('pilot', pilotInput());
    const manager = user(0);
    await db.prisma.userRole.create({ data: { userId: manager, role: 'manager', grantedBy: 'test' } });
    await db.prisma.project.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({
        ref: `P-2026-${String(i + 1).padStart(3, '0')}`,
        track: 'pilot',
        title: LONG_TITLE,
        intake: {} as Prisma.InputJsonValue,
        machine: 'pilot',
        machineVersion: start.version,
        snapshot: start.snapshot as Prisma.InputJsonValue,
        stage: start.stage,
        status: start.status,
        ownerId: manager,
        createdById: manager,
      })),
    });
    const projects = await db.prisma.project.findMany({ select: { id: true } });
    await db.prisma.deadline.createMany({
      data: projects.map((p, i) => ({
        projectId: p.id,
        key: `infoDue:${i}`,
        kind: 'infoDue',
        rule: 'R-TEST',
        clock: 'ours',
        responsible: 'owner',
        responsibleUserId: manager,
        basis: '2026-01-01',
        spec: {} as Prisma.InputJsonValue,
        dueDate: new Date('2026-02-02T00:00:00Z'),
        dueAt: new Date('2026-02-02T10:00:00Z'),
        explanation: {} as Prisma.InputJsonValue,
        unknownYears: [],
      })),
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('reads a bounded page of each section and renders within the limits', async () => {
    const data = await getHome(db.prisma, user(0), ['manager'], new Date('2026-03-02T00:00:00Z'));
    expect(data.myProjects).toMatchObject({ total: 500 });
    expect(data.myProjects.items).toHaveLength(10);
    expect(data.waiting.deadlines).toMatchObject({ total: 500 });
    expect(data.waiting.deadlines.items).toHaveLength(10);
    expect(data.pipeline).toMatchObject({
      missedDeadlines: 500,
      tracks: [
        { track: 'pilot', total: 500, stages: [{ stage: 'intake', count: 500 }] },
        { track: 'coaching', total: 0 },
      ],
    });
    for (const lang of LANGS) {
      const view = appHomeModule.appHomeView(data, lang);
      expect(violations('home', view.blocks)).toEqual([]);
    }
  });
});

describe('labels', () => {
  // Runs after the suites above rendered every view and message in both languages (files run their tests in order).
  it('every label key the views asked for resolved in both languages: a reader never sees a raw key', () => {
    // The maximal data invents stage names of maximal length on purpose (to test lengths); those are not real keys.
    expect(unresolvedLabels().filter((k) => !k.includes('x'.repeat(20)))).toEqual([]);
  });
});
