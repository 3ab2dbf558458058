import { usccCheckChar } from '../../machines/shared/uscc.ts';
import { SANDBOX_CHANNELS, SANDBOX_PEOPLE } from './workspace.ts';

/** The working group's channel, where the cards are. */
export const WORKGROUP = SANDBOX_CHANNELS.find((c) => c.workgroup)!.id;
/** The managers' channel, subscribed to the digest. */
export const MANAGEMENT = SANDBOX_CHANNELS.find((c) => !c.workgroup)!.id;
/** The seeded manager. */
export const MANAGER = SANDBOX_PEOPLE.find((p) => p.role === 'manager')!.id;
/** The two seeded staff, who own the demonstration projects. */
export const STAFF = 'U0SBSTAFF1';
export const STAFF_B = 'U0SBSTAFF2';

/** A credit code with its check character (GB 32100-2015), so the eligibility check accepts it. */
export const uscc = (first17: string) => {
  const check = usccCheckChar(first17);
  if (check === null) throw new Error(`demo seed: ${first17} cannot be the start of a credit code`);
  return first17 + check;
};

/** One demonstration project and how far the seed takes it. */
export interface DemoProject {
  title: string;
  scenario: string;
  technologies: string[];
  owner: string;
  contact: { name: string; phone: string; email: string };
  applicant: { name: string; code17: string; type: string; licence: string };
  /** intake: the form only; applicant: and its lead applicant; screening: materials in and submitted. */
  reach: 'intake' | 'applicant' | 'screening';
  /** How many of the invited experts accept in their DMs (screening projects). */
  accept?: number;
}

/** The demonstration programme: four projects at different stages. */
export const PROJECTS: DemoProject[] = [
  {
    title: '基于区块链的基金份额登记与过户',
    scenario: '公募基金份额登记、过户和对账上链，登记机构与销售机构实时共享份额变动',
    technologies: ['blockchain'],
    owner: STAFF,
    contact: { name: '陈晓东', phone: '+86 21 6888 0101', email: 'chenxd@pujiang-sec.example.cn' },
    applicant: {
      name: '上海浦江证券股份有限公司',
      code17: '91310000MA1FL0A01',
      type: 'securitiesCompany',
      licence: 'ZQ-0138',
    },
    reach: 'screening',
    accept: 2,
  },
  {
    title: '智能投顾适当性测评',
    scenario: '以机器学习模型辅助投资者风险承受能力测评，并留存可解释的测评依据',
    technologies: ['ai', 'bigData'],
    owner: STAFF_B,
    contact: { name: '林雨', phone: '+86 21 6888 0202', email: 'linyu@lujiazui-fund.example.cn' },
    applicant: {
      name: '上海陆家嘴基金管理有限公司',
      code17: '91310115MA1K3B702',
      type: 'fundManagementCompany',
      licence: 'JJ-0452',
    },
    reach: 'screening',
    accept: 1,
  },
  {
    title: '期货交易系统云原生改造',
    scenario: '核心交易系统迁移至行业云，同城双活，故障切换不超过 30 秒',
    technologies: ['cloudComputing'],
    owner: STAFF,
    contact: { name: '黄海', phone: '+86 21 6888 0303', email: 'huanghai@dongfang-fut.example.cn' },
    applicant: {
      name: '上海东方期货有限公司',
      code17: '91310109MA1G5C803',
      type: 'futuresCompany',
      licence: 'QH-0077',
    },
    reach: 'applicant',
  },
  {
    title: '大数据反洗钱交易监测',
    scenario: '跨机构交易数据联合建模，识别可疑交易并推送至合规部门复核',
    technologies: ['bigData'],
    owner: STAFF_B,
    contact: { name: '吴敏', phone: '+86 21 6888 0404', email: 'wumin@huangpu-sec.example.cn' },
    applicant: {
      name: '上海黄浦证券有限责任公司',
      code17: '91310101MA1H7D904',
      type: 'securitiesCompany',
      licence: 'ZQ-0291',
    },
    reach: 'intake',
  },
];
