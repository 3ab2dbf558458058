import { usccCheckChar } from '../../machines/shared/uscc.ts';
import { SANDBOX_CHANNELS, SANDBOX_PEOPLE } from './workspace.ts';

/** The working group's channel, where the cards are. */
export const WORKGROUP = SANDBOX_CHANNELS.find((c) => c.workgroup)!.id;
/** The managers' channel, subscribed to the digest. */
export const MANAGEMENT = SANDBOX_CHANNELS.find((c) => c.name === '管理层')!.id;
/** The seeded manager. */
export const MANAGER = SANDBOX_PEOPLE.find((p) => p.role === 'manager')!.id;
/** The two seeded staff, who own the demonstration projects; the second confirms what the first proposes. */
export const STAFF = 'U0SBSTAFF1';
export const STAFF_B = 'U0SBSTAFF2';

/** A credit code with its check character (GB 32100-2015), so the eligibility check accepts it. */
export const uscc = (first17: string) => {
  const check = usccCheckChar(first17);
  if (check === null) throw new Error(`demo seed: ${first17} cannot be the start of a credit code`);
  return first17 + check;
};

/**
 * How far the seed takes a project, named after where it ends up. Pilot track: the form only (`intake`), with its
 * lead applicant (`applicant`), withdrawn from intake, submitted outside any batch (`awaitingBatch`), in expert
 * screening, at the CSRC, in public notice, before launch, piloting, under guidance after a failed evaluation, in
 * rectification, exiting, converted to regular operation, rejected by the CSRC. Coaching track: intake, selection,
 * in its coaching year.
 */
export type Reach =
  | 'intake'
  | 'applicant'
  | 'withdrawn'
  | 'awaitingBatch'
  | 'screening'
  | 'csrcEvaluation'
  | 'publicNotice'
  | 'preLaunch'
  | 'piloting'
  | 'underGuidance'
  | 'rectification'
  | 'exiting'
  | 'regularOperation'
  | 'rejected'
  | 'coachingIntake'
  | 'coachingSelection'
  | 'coachingActive';

/** The lead applicant, as staff enter it in the applicant form. */
export interface DemoApplicant {
  name: string;
  code17: string;
  type: string;
  licence?: string;
  /** The parent institution of an IT subsidiary (coaching track). */
  parent?: string;
}

/** One demonstration project and how far the seed takes it. */
export interface DemoProject {
  title: string;
  scenario: string;
  technologies: string[];
  owner: string;
  contact: { name: string; phone: string; email: string };
  applicant: DemoApplicant;
  reach: Reach;
  /** Screening projects: how many invited experts accept, and how many of those submit their review. */
  accept?: number;
  submit?: number;
}

/** Whether the project is on the coaching track. */
export const isCoaching = (p: DemoProject) => p.reach.startsWith('coaching');

const contact = (name: string, mailbox: string, n: number) => ({
  name,
  phone: `+86 21 6888 ${String(n).padStart(2, '0')}0${n % 10}`,
  email: `${mailbox}@example.cn`,
});
const sec = (name: string, code17: string, licence: string): DemoApplicant => ({
  name,
  code17,
  type: 'securitiesCompany',
  licence,
});
const fund = (name: string, code17: string, licence: string): DemoApplicant => ({
  name,
  code17,
  type: 'fundManagementCompany',
  licence,
});
const futures = (name: string, code17: string, licence: string): DemoApplicant => ({
  name,
  code17,
  type: 'futuresCompany',
  licence,
});
const itSubsidiary = (name: string, code17: string, parent: string): DemoApplicant => ({
  name,
  code17,
  type: 'itSubsidiary',
  parent,
});

/** The applicant 刘洋 worked for: he is conflicted on its project and never invited to review it. */
export const CONFLICTED_APPLICANT = '上海浦江证券股份有限公司';

/**
 * The demonstration programme, oldest first (so the references run from the converted pilot to today's forms):
 * every stage of both tracks, each with its own Shanghai institution and a valid credit code.
 */
export const PROJECTS: DemoProject[] = [
  {
    title: '基于联盟链的私募基金份额登记',
    scenario: '私募基金份额登记与转让信息上链，托管机构、登记机构与管理人实时核对',
    technologies: ['blockchain'],
    owner: STAFF,
    contact: contact('周立', 'zhouli.xinda-sec', 11),
    applicant: sec('上海信达证券股份有限公司', '91310000MA1PD0011', 'ZQ-0011'),
    reach: 'regularOperation',
  },
  {
    title: '证券交易异常行为智能识别',
    scenario: '基于机器学习识别异常交易模式，辅助会员单位开展客户交易行为管理',
    technologies: ['ai'],
    owner: STAFF_B,
    contact: contact('郑凯', 'zhengkai.haitong-sec', 12),
    applicant: sec('上海外滩证券有限责任公司', '91310000MA1PD0012', 'ZQ-0012'),
    reach: 'exiting',
  },
  {
    title: '基金投顾组合再平衡引擎',
    scenario: '按投资者风险等级自动生成并执行组合再平衡方案，留痕可回溯',
    technologies: ['ai', 'bigData'],
    owner: STAFF,
    contact: contact('何静', 'hejing.jinqiao-fund', 13),
    applicant: fund('上海金桥基金管理有限公司', '91310000MA1PD0013', 'JJ-0013'),
    reach: 'rectification',
  },
  {
    title: '期货保证金实时监控平台',
    scenario: '对客户保证金与持仓风险进行实时计算和预警，异常时自动通知风控岗',
    technologies: ['bigData', 'cloudComputing'],
    owner: STAFF_B,
    contact: contact('韩冰', 'hanbing.xupu-fut', 14),
    applicant: futures('上海徐浦期货有限公司', '91310000MA1PD0014', 'QH-0014'),
    reach: 'underGuidance',
  },
  {
    title: '证券公司云上灾备体系',
    scenario: '核心业务系统在行业云上建立同城与异地灾备，定期切换演练',
    technologies: ['cloudComputing'],
    owner: STAFF,
    contact: contact('孔明', 'kongming.zhangjiang-sec', 15),
    applicant: sec('上海张江证券股份有限公司', '91310000MA1PD0015', 'ZQ-0015'),
    reach: 'piloting',
  },
  {
    title: '数字人民币场景下的基金申赎',
    scenario: '以数字人民币完成基金认购、申购与赎回资金结算，缩短资金在途时间',
    technologies: ['blockchain', 'otherNewIt'],
    owner: STAFF_B,
    contact: contact('吕洁', 'lvjie.binjiang-fund', 16),
    applicant: fund('上海滨江基金管理有限公司', '91310000MA1PD0016', 'JJ-0016'),
    reach: 'preLaunch',
  },
  {
    title: '投资者适当性双录智能质检',
    scenario: '对销售双录音视频进行语音识别与合规要点质检，替代人工抽检',
    technologies: ['ai'],
    owner: STAFF,
    contact: contact('施雯', 'shiwen.hongkou-sec', 17),
    applicant: sec('上海虹口证券有限责任公司', '91310000MA1PD0017', 'ZQ-0017'),
    reach: 'rejected',
  },
  {
    title: '大数据反洗钱交易监测',
    scenario: '跨机构交易数据联合建模，识别可疑交易并推送至合规部门复核',
    technologies: ['bigData'],
    owner: STAFF_B,
    contact: contact('吴敏', 'wumin.huangpu-sec', 4),
    applicant: sec('上海黄浦证券有限责任公司', '91310101MA1H7D904', 'ZQ-0291'),
    reach: 'awaitingBatch',
  },
  {
    title: '场外衍生品交易确认上链',
    scenario: '场外衍生品交易确认书在交易双方之间上链存证并自动核对',
    technologies: ['blockchain'],
    owner: STAFF,
    contact: contact('唐宁', 'tangning.yangpu-sec', 18),
    applicant: sec('上海杨浦证券股份有限公司', '91310000MA1PD0018', 'ZQ-0018'),
    reach: 'publicNotice',
  },
  {
    title: '智能投研知识图谱',
    scenario: '整合上市公司公告与产业链数据构建知识图谱，辅助研究员撰写报告',
    technologies: ['ai', 'bigData'],
    owner: STAFF_B,
    contact: contact('许诺', 'xunuo.jingan-fund', 19),
    applicant: fund('上海静安基金管理有限公司', '91310000MA1PD0019', 'JJ-0019'),
    reach: 'csrcEvaluation',
  },
  {
    title: '基于区块链的基金份额登记与过户',
    scenario: '公募基金份额登记、过户和对账上链，登记机构与销售机构实时共享份额变动',
    technologies: ['blockchain'],
    owner: STAFF,
    contact: contact('陈晓东', 'chenxd.pujiang-sec', 1),
    applicant: sec(CONFLICTED_APPLICANT, '91310000MA1FL0A01', 'ZQ-0138'),
    reach: 'screening',
    accept: 2,
    submit: 1,
  },
  {
    title: '智能投顾适当性测评',
    scenario: '以机器学习模型辅助投资者风险承受能力测评，并留存可解释的测评依据',
    technologies: ['ai', 'bigData'],
    owner: STAFF_B,
    contact: contact('林雨', 'linyu.lujiazui-fund', 2),
    applicant: fund('上海陆家嘴基金管理有限公司', '91310115MA1K3B702', 'JJ-0452'),
    reach: 'screening',
    accept: 1,
    submit: 0,
  },
  {
    title: '期货交易系统云原生改造',
    scenario: '核心交易系统迁移至行业云，同城双活，故障切换不超过 30 秒',
    technologies: ['cloudComputing'],
    owner: STAFF,
    contact: contact('黄海', 'huanghai.dongfang-fut', 3),
    applicant: futures('上海东方期货有限公司', '91310109MA1G5C803', 'QH-0077'),
    reach: 'applicant',
  },
  {
    title: '券商客服大模型助手',
    scenario: '以大模型回答客户业务咨询，敏感问题转人工，回答内容全程留痕',
    technologies: ['ai'],
    owner: STAFF_B,
    contact: contact('罗兰', 'luolan.minhang-sec', 20),
    applicant: sec('上海闵行证券有限公司', '91310000MA1PD0020', 'ZQ-0020'),
    reach: 'withdrawn',
  },
  {
    title: '债券承销簿记系统国产化',
    scenario: '债券簿记建档系统迁移至国产数据库与中间件，保持业务连续',
    technologies: ['cloudComputing'],
    owner: STAFF,
    contact: contact('马骏', 'majun.songjiang-sec', 21),
    applicant: sec('上海松江证券有限公司', '91310000MA1PD0021', 'ZQ-0021'),
    reach: 'intake',
  },
  {
    title: '证券行业隐私计算平台',
    scenario: '以多方安全计算实现机构间客户风险数据的联合统计，原始数据不出域',
    technologies: ['bigData', 'otherNewIt'],
    owner: STAFF_B,
    contact: contact('沈岚', 'shenlan.xinda-tech', 22),
    applicant: itSubsidiary('上海信达数智科技有限公司', '91310000MA1PD0022', '上海信达证券股份有限公司'),
    reach: 'coachingActive',
  },
  {
    title: '智能合约形式化验证工具',
    scenario: '对金融业务智能合约进行形式化验证，发现重入与越权等漏洞',
    technologies: ['blockchain'],
    owner: STAFF,
    contact: contact('杜衡', 'duheng.zhangjiang-tech', 23),
    applicant: itSubsidiary('上海张江证券信息技术有限公司', '91310000MA1PD0023', '上海张江证券股份有限公司'),
    reach: 'coachingSelection',
  },
  {
    title: '基金销售适当性知识库',
    scenario: '面向基金销售人员的适当性规则知识库与问答，不直接面向投资者',
    technologies: ['ai'],
    owner: STAFF_B,
    contact: contact('苏青', 'suqing.jinqiao-tech', 24),
    applicant: itSubsidiary('上海金桥基金科技有限公司', '91310000MA1PD0024', '上海金桥基金管理有限公司'),
    reach: 'coachingIntake',
  },
];
