/** 中文：规则补全（批次安排、遴选名单、退出清单、激励清单、辅导公示撤除、辅导评估采信）的文字。 */
export const rulesZhCN = {
  'rules.batch.closedForPlacement':
    '批次“{name}”已截止征集，不能再安排申请。请选择计划中或征集中的批次（`/pilot batch list`）。',
  'rules.batch.placeNone': '请至少勾选一个申请；不安排的申请会继续等待下一批次。',
  'rules.batch.submittedOn': '提交于 {date}',
  'rules.batch.placeTitle': '安排等待中的申请',
  'rules.batch.placeIntro':
    '批次 *{name}*（{opens} 至 {closes}）。以下 {count} 个申请在等待批次（R-BATCH-1），已全部预选；取消勾选的申请继续等待。',
  'rules.batch.noneWaiting': '目前没有等待批次的申请；批次“{name}”征集期间提交的申请会自动进入该批次。',
  'rules.batch.placePlaceholder': '选择申请',
  'rules.batch.placeSubmit': '移入批次',
  'rules.batch.placeLabel': '移入本批次的申请',
  'rules.batch.moved': '已移入批次“{name}”并进入专家遴选：{count} 个（{refs}）。',
  'rules.batch.refusedTitle': '未能移入 {count} 个：',
  'rules.batch.refusedLine': '• {ref}（未移入）：{reason}',
  'rules.batch.waitingOffer': '有 {count} 个申请在等待批次，可以一次移入本批次。',
  'rules.batch.placeButton': '安排等待中的申请（{count}）',
  'rules.selection.title':
    '*批次“{name}”遴选结果*（{opens} 至 {closes}），报送证监会科技监管局（R-APP-3）：共 {count} 个项目',
  'rules.selection.none': '该批次还没有通过专家遴选的项目。',
  'rules.selection.rowTitle': '*第 {n} 项　{ref} {title}*',
  'rules.selection.institution': '• {name}{lead}，{type}，统一社会信用代码 {uscc}',
  'rules.selection.lead': '（牵头）',
  'rules.selection.scenario': '应用场景：{scenario}',
  'rules.selection.technologies': '技术：{list}',
  'rules.selection.review': '专家评审：{count} 份；平均分 {scores}；建议 {recommendations}',
  'rules.selection.selectedOn': '遴选通过：{date}',
  'rules.selection.more': '另有 {count} 个项目未在此显示；完整名单请导出。',
} as const;
