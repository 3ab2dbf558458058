import { INTAKE } from '../projects/ids.ts';
import type { Actor } from './demo-actor.ts';
import { hasAction } from './demo-actor.ts';
import { type DemoProject, isCoaching, STAFF, STAFF_B, uscc, WORKGROUP } from './demo-projects.ts';
import { SANDBOX_PEOPLE } from './workspace.ts';

/** The seed's calendar: `day(n)` is n days from the sandbox's today; the earlier batch's submission day. */
export interface SeedDays {
  day(n: number): string;
  /** A day inside the earlier (closed) batch, when the older projects were submitted. */
  earlier: string;
  /** A day between the two batches: a submission then waits for the next batch. */
  between: string;
}

/** Projects the scheduler has to move on (the public notice period ending) before the second half. */
const AFTER_NOTICE = new Set([
  'preLaunch',
  'piloting',
  'underGuidance',
  'rectification',
  'exiting',
  'regularOperation',
]);
/** Projects that pass expert screening. */
const PASS_SCREENING = new Set([...AFTER_NOTICE, 'csrcEvaluation', 'publicNotice', 'rejected']);
/** Projects submitted in the earlier batch. */
const EARLIER = new Set([...AFTER_NOTICE, 'rejected']);

/** Whether the project's second half waits for the notice period to end (the scheduler's tick in between). */
export const waitsForNoticeEnd = (p: DemoProject) => AFTER_NOTICE.has(p.reach);

/** The other staff member: the two-person rule wants someone else to confirm what one proposed. */
const other = (userId: string) => (userId === STAFF ? STAFF_B : STAFF);

/** Staff fill in the application form; returns the new project's reference. */
export async function createProject(
  act: Actor,
  p: DemoProject,
  findRef: (title: string) => Promise<string>,
): Promise<string> {
  await act.command(p.owner, WORKGROUP, isCoaching(p) ? 'new coaching' : 'new pilot');
  await act.submit(p.owner, {
    [INTAKE.blocks.title]: p.title,
    [INTAKE.blocks.scenario]: p.scenario,
    [INTAKE.blocks.technologies]: p.technologies,
    [INTAKE.blocks.owner]: { type: 'users_select', selected_user: p.owner },
    [INTAKE.blocks.contactName]: p.contact.name,
    [INTAKE.blocks.contactPhone]: p.contact.phone,
    [INTAKE.blocks.contactEmail]: { type: 'email_text_input', value: p.contact.email },
  });
  return findRef(p.title);
}

/**
 * The first half of a project's demonstration history: applicant, materials, submission, screening with the experts'
 * reviews, the CSRC's evaluation and the public notice, as far as its reach asks. Fact dates are the days the facts
 * happened (earlier for the older projects), so periods and deadlines run from them as they would have.
 */
export async function firstHalf(act: Actor, p: DemoProject, ref: string, days: SeedDays): Promise<void> {
  const { day } = days;
  if (p.reach === 'intake') return;
  await addApplicant(act, p, ref);
  if (p.reach === 'applicant' || p.reach === 'coachingIntake') return;
  if (p.reach === 'withdrawn') {
    await act.step(p.owner, ref, 'application.withdraw', {
      factDate: day(-2),
      reason: '申请机构决定调整技术路线，撤回本次申请，拟于下一批次重新申报。',
    });
    return;
  }
  await addMaterials(act, p, ref);
  if (isCoaching(p)) return coachingFirstHalf(act, p, ref, days);
  const submitted = EARLIER.has(p.reach) ? days.earlier : p.reach === 'awaitingBatch' ? days.between : day(-12);
  await act.step(p.owner, ref, 'intake.submit', { factDate: p.reach === 'screening' ? day(0) : submitted });
  if (p.reach === 'awaitingBatch') return;
  await reviews(
    act,
    ref,
    p.reach === 'screening' ? (p.accept ?? 0) : 99,
    p.reach === 'screening' ? (p.submit ?? 0) : 99,
  );
  if (!PASS_SCREENING.has(p.reach)) return;
  await act.step(p.owner, ref, 'decision.propose.screeningPass');
  await act.step(other(p.owner), ref, 'decision.confirm');
  const older = EARLIER.has(p.reach);
  await act.step(p.owner, ref, 'csrc.forwarded', { factDate: older ? day(-180) : day(-8) });
  if (p.reach === 'csrcEvaluation') return;
  await act.step(p.owner, ref, 'csrc.evaluationRecorded', {
    factDate: older ? day(-160) : day(-5),
    outcome: p.reach === 'rejected' ? 'failed' : 'passed',
    letterRef: `沪证监科技函〔${day(older ? -160 : -5).slice(0, 4)}〕${ref.slice(-2)}号`,
  });
  if (p.reach === 'rejected') return;
  await act.step(p.owner, ref, 'notice.published', {
    factDate: older ? day(-155) : day(-3),
    url: `https://www.csrc.gov.cn/shanghai/notice/${ref.toLowerCase()}.html`,
  });
  if (p.reach === 'publicNotice') await commentRegister(act, p, ref, days);
}

/** The second half, after the notice period ended: launch, then the supervision history its reach asks for. */
export async function secondHalf(act: Actor, p: DemoProject, ref: string, days: SeedDays): Promise<void> {
  const { day } = days;
  await act.step(p.owner, ref, 'risk.assessmentRecorded', { majorHiddenRisk: false });
  await act.step(p.owner, ref, 'commitment.received', {
    factDate: day(-130),
    documentRef: `试点承诺书〔${day(-130).slice(0, 4)}〕${ref.slice(-2)}号`,
  });
  if (p.reach === 'preLaunch') return;
  await act.step(p.owner, ref, 'decision.propose.launch');
  await act.step(other(p.owner), ref, 'decision.confirm');
  await act.step(p.owner, ref, 'launch.announced', { factDate: day(-125) });
  const evaluate = (outcome: string, n: number, summary: string) =>
    act.step(p.owner, ref, 'evaluation.recorded', { factDate: day(n), outcome, summary });
  switch (p.reach) {
    case 'piloting':
      // An investor complaint not yet acknowledged: its two working days have passed (R-SUP-4).
      await act.step(p.owner, ref, 'complaint.logged', {
        factDate: day(-6),
        summary: '投资者反映灾备切换演练期间行情延迟约 40 秒，要求说明原因。',
      });
      return;
    case 'underGuidance':
      return evaluate('notPassed', -20, '预警准确率未达到试点方案约定的 95%，需在指导下继续优化模型。');
    case 'rectification':
      await evaluate('considerableRisk', -15, '再平衡指令在极端行情下存在批量误触发风险。');
      await act.step(p.owner, ref, 'rectification.required', {
        factDate: day(-14),
        requirements: '增加人工复核与熔断阈值，补充极端行情压力测试报告。',
        dueDate: day(2),
      });
      return;
    case 'exiting':
      await act.step(p.owner, ref, 'exit.requested', {
        factDate: day(-5),
        reason: '机构战略调整，主动申请退出试点，已制定投资者告知与数据迁移方案。',
      });
      return;
    case 'regularOperation':
      await evaluate('metGoals', -30, '试点目标全部达成，运行平稳，未发生投资者损失。');
      await act.step(p.owner, ref, 'decision.propose.conversion');
      await act.step(other(p.owner), ref, 'decision.confirm');
      return;
  }
}

/** A coaching application through selection, the CSRC and its notice into the coaching year, as its reach asks. */
async function coachingFirstHalf(act: Actor, p: DemoProject, ref: string, days: SeedDays): Promise<void> {
  const active = p.reach === 'coachingActive';
  await act.step(p.owner, ref, 'coaching.submit', { factDate: days.day(active ? -100 : 0) });
  if (!active) return;
  await act.step(p.owner, ref, 'decision.propose.selectionPass');
  await act.step(other(p.owner), ref, 'decision.confirm');
  await act.step(p.owner, ref, 'csrc.forwarded', { factDate: days.day(-90) });
  await act.step(p.owner, ref, 'csrc.evaluationRecorded', {
    factDate: days.day(-75),
    outcome: 'passed',
    letterRef: `沪证监科技函〔${days.day(-75).slice(0, 4)}〕辅导${ref.slice(-2)}号`,
  });
  await act.step(p.owner, ref, 'notice.published', { factDate: days.day(-70) });
}

/** The public notice's comment register: two comments logged, one answered, one still open. */
async function commentRegister(act: Actor, p: DemoProject, ref: string, days: SeedDays): Promise<void> {
  await act.step(p.owner, ref, 'notice.commentLogged', {
    factDate: days.day(-2),
    source: 'investor',
    summary: '询问上链数据是否包含投资者个人信息，如何保护隐私。',
    raisesRisk: false,
  });
  await act.step(p.owner, ref, 'notice.commentLogged', {
    factDate: days.day(-1),
    source: 'institution',
    summary: '建议明确链上确认书与纸质确认书不一致时的效力顺序。',
    raisesRisk: true,
  });
  await act.step(p.owner, ref, 'notice.commentDisposed', {
    commentId: 'c1',
    dispositionKind: 'explained',
    disposition: '链上仅存交易要素哈希，不含个人信息；已在公示说明中补充。',
  });
}

/**
 * The experts invited to the project (by the app's automatic assignment) accept in their DMs with the declaration,
 * up to `accepting` of them, and `submitting` of those submit a full review.
 */
async function reviews(act: Actor, ref: string, accepting: number, submitting: number): Promise<void> {
  let accepted = 0;
  let submitted = 0;
  for (const expert of SANDBOX_PEOPLE.filter((x) => x.role === 'expert')) {
    if (accepted >= accepting) break;
    const invitation = await act.dm(expert.id, (m) => m.text.includes(ref) && hasAction(m, 'review.accept'));
    if (!invitation) continue;
    await act.press(expert.id, invitation, 'review.accept');
    await act.submit(expert.id, { declaration: true });
    accepted += 1;
    if (submitted >= submitting) continue;
    const form = await act.dm(expert.id, (m) => m.text.includes(ref) && hasAction(m, 'review.form'));
    if (!form) throw new Error(`demo seed: ${expert.realName} has no review form for ${ref}`);
    await act.press(expert.id, form, 'review.form');
    const zh = expert.locale !== 'en-US';
    const values: Record<string, string> = { recommendation: 'pass' };
    for (const c of ['legalCompliance', 'orderlyInnovation', 'riskControllability', 'policyFit']) {
      values[`score.${c}`] = c === 'riskControllability' ? '3' : '4';
      values[`comment.${c}`] = zh
        ? '材料完整，论证充分，建议关注极端情形下的风险处置。'
        : 'Well argued; watch the tail risks.';
    }
    await act.submit(expert.id, values);
    submitted += 1;
  }
}

/** The lead applicant from the card's button, with a valid credit code; the eligibility answer is read and closed. */
async function addApplicant(act: Actor, p: DemoProject, ref: string): Promise<void> {
  const a = p.applicant;
  await act.press(p.owner, await act.card(ref), 'intake.applicant.add');
  await act.submit(p.owner, {
    name: a.name,
    uscc: uscc(a.code17),
    institutionType: a.type,
    ...(a.parent ? { parentInstitution: a.parent } : {}),
    'registration.province': '上海市',
    'registration.city': '上海市',
    'mainOffice.province': '上海市',
    'mainOffice.city': '上海市',
    ...(a.licence ? { licenceNumber: a.licence } : {}),
    lead: true,
  });
  act.closeModals(p.owner);
}

/** The application's materials as links, from the card's button. */
async function addMaterials(act: Actor, p: DemoProject, ref: string): Promise<void> {
  const slug = ref.toLowerCase();
  await act.press(p.owner, await act.card(ref), 'intake.materials');
  const link = (name: string) => ({ type: 'url_text_input', value: `https://files.example.org/${slug}/${name}.pdf` });
  const names = isCoaching(p)
    ? ['projectPlan', 'technologyDescription', 'noRealBusinessUndertaking']
    : ['projectPlan', 'riskAssessment', 'emergencyPlan', 'exitPlan', 'investorProtection'];
  await act.submit(p.owner, Object.fromEntries(names.map((n) => [n, link(n)])));
  act.closeModals(p.owner);
}
