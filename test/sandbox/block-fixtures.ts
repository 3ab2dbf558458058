/** Blocks and a modal with every element the sandbox draws, as the bot may send them (browser tests). */

const md = (text: string) => ({ type: 'mrkdwn', text });
const pt = (text: string) => ({ type: 'plain_text', text });
const options = (...labels: string[]) => labels.map((l, i) => ({ text: pt(l), value: `v${i}` }));

export const FIXTURE_MESSAGE = [
  { type: 'header', text: pt('区块渲染样例') },
  {
    type: 'section',
    text: md(
      '*粗体* _斜体_ ~删除线~ `P-2026-001` <https://www.csrc.gov.cn/|证监会> <@U0SBSTAFF1> <#C0SBWORKGP> :white_check_mark: 12:00:00 :no_such_emoji:\n• 第一项\n• 第二项\n&gt; 引用的意见',
    ),
    accessory: { type: 'overflow', action_id: 'fixture.overflow', options: options('查看', '编辑', '删除') },
  },
  { type: 'section', fields: [md('*阶段*\n项目遴选'), md('*截止*\n2026-12-15')] },
  { type: 'divider' },
  {
    type: 'actions',
    elements: [
      { type: 'button', action_id: 'fixture.ok', text: pt('通过'), style: 'primary', value: 'ok' },
      {
        type: 'button',
        action_id: 'fixture.no',
        text: pt('退回'),
        style: 'danger',
        confirm: { title: pt('退回申请'), text: md('确定退回吗？'), confirm: pt('退回'), deny: pt('再想想') },
      },
      { type: 'static_select', action_id: 'fixture.select', placeholder: pt('选择'), options: options('甲', '乙') },
      { type: 'datepicker', action_id: 'fixture.date', initial_date: '2026-12-15' },
    ],
  },
  { type: 'context', elements: [md('由 *Pilot Desk* 发送')] },
  { type: 'video', title: pt('不支持的区块') },
];

export const FIXTURE_MODAL = {
  type: 'modal',
  callback_id: 'fixture.modal',
  title: pt('输入样例'),
  submit: pt('提交'),
  close: pt('取消'),
  blocks: [
    { type: 'input', block_id: 'text', label: pt('单行'), element: { type: 'plain_text_input', action_id: 'v' } },
    {
      type: 'input',
      block_id: 'long',
      label: pt('多行'),
      optional: true,
      element: { type: 'plain_text_input', action_id: 'v', multiline: true },
    },
    {
      type: 'input',
      block_id: 'n',
      label: pt('数字'),
      optional: true,
      element: { type: 'number_input', action_id: 'v', is_decimal_allowed: false },
    },
    {
      type: 'input',
      block_id: 'e',
      label: pt('邮箱'),
      optional: true,
      element: { type: 'email_text_input', action_id: 'v' },
    },
    {
      type: 'input',
      block_id: 'u',
      label: pt('链接'),
      optional: true,
      element: { type: 'url_text_input', action_id: 'v' },
    },
    {
      type: 'input',
      block_id: 's',
      label: pt('单选菜单'),
      optional: true,
      element: { type: 'static_select', action_id: 'v', options: options('甲', '乙') },
    },
    {
      type: 'input',
      block_id: 'm',
      label: pt('多选菜单'),
      optional: true,
      element: { type: 'multi_static_select', action_id: 'v', options: options('甲', '乙', '丙') },
    },
    {
      type: 'input',
      block_id: 'c',
      label: pt('复选框'),
      optional: true,
      element: { type: 'checkboxes', action_id: 'v', options: options('同意') },
    },
    {
      type: 'input',
      block_id: 'r',
      label: pt('单选按钮'),
      optional: true,
      element: { type: 'radio_buttons', action_id: 'v', options: options('是', '否') },
    },
    {
      type: 'input',
      block_id: 'd',
      label: pt('日期'),
      optional: true,
      element: { type: 'datepicker', action_id: 'v' },
    },
    {
      type: 'input',
      block_id: 'p',
      label: pt('人员'),
      optional: true,
      element: { type: 'users_select', action_id: 'v' },
    },
    {
      type: 'input',
      block_id: 'ps',
      label: pt('多名人员'),
      optional: true,
      element: { type: 'multi_users_select', action_id: 'v' },
    },
    {
      type: 'input',
      block_id: 't',
      label: pt('时间'),
      optional: true,
      element: { type: 'timepicker', action_id: 'v' },
    },
    {
      type: 'input',
      block_id: 'dt',
      label: pt('日期和时间'),
      optional: true,
      element: { type: 'datetimepicker', action_id: 'v' },
    },
  ],
};
