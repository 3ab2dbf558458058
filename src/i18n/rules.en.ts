import type { rulesZhCN } from './rules.zh-CN.ts';

/** English texts of the completed rules; exactly the keys of rules.zh-CN.ts. */
export const rulesEn: Record<keyof typeof rulesZhCN, string> = {
  'rules.batch.closedForPlacement':
    'Batch "{name}" has closed its collection; applications can no longer be placed in it. Choose a planned or collecting batch (`/pilot batch list`).',
  'rules.batch.placeNone': 'Tick at least one application; those not placed keep waiting for a later batch.',
  'rules.batch.submittedOn': 'submitted {date}',
  'rules.batch.placeTitle': 'Place waiting apps',
  'rules.batch.placeIntro':
    'Batch *{name}* ({opens} to {closes}). These {count} applications are waiting for a batch (R-BATCH-1), all preselected; those you untick keep waiting.',
  'rules.batch.noneWaiting':
    'No application is waiting for a batch; applications submitted while batch "{name}" collects join it by themselves.',
  'rules.batch.placePlaceholder': 'Choose applications',
  'rules.batch.placeSubmit': 'Move into batch',
  'rules.batch.placeLabel': 'Applications to move into this batch',
  'rules.batch.moved': 'Moved into batch "{name}" and on to expert screening: {count} ({refs}).',
  'rules.batch.refusedTitle': 'Not moved: {count}:',
  'rules.batch.refusedLine': '• {ref}: {reason}',
  'rules.batch.waitingOffer': '{count} applications are waiting for a batch; you can move them into this one at once.',
  'rules.batch.placeButton': 'Place waiting applications ({count})',
  'rules.selection.title':
    '*Batch "{name}" selection* ({opens} to {closes}), for the CSRC\'s Technology Supervision Bureau (R-APP-3): {count} projects',
  'rules.selection.none': 'No project of this batch has passed expert screening yet.',
  'rules.selection.rowTitle': '*{n}. {ref} {title}*',
  'rules.selection.institution': '• {name}{lead}, {type}, unified social credit code {uscc}',
  'rules.selection.lead': ' (lead)',
  'rules.selection.scenario': 'Scenario: {scenario}',
  'rules.selection.technologies': 'Technologies: {list}',
  'rules.selection.review': 'Expert reviews: {count}; mean scores {scores}; recommendations {recommendations}',
  'rules.selection.selectedOn': 'Selected in screening: {date}',
  'rules.selection.more': '{count} more projects are not shown here; export the full list.',
};
