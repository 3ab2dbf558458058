import { EXPERTS } from '../../review/ids.ts';
import { parseAffiliations } from '../../review/save-expert.ts';
import type { CommonWiring, ReviewWiring } from '../../wiring/index.ts';
import { formListener } from './ack-within.ts';
import { readInput } from './read-values.ts';

const { blocks } = EXPERTS;

/** The expert modal: adds or updates the expert with tags, load cap, absences and affiliations. */
export function expertsSubmit(services: CommonWiring & ReviewWiring) {
  return formListener(services, { ...blocks, userId: blocks.user }, blocks.user, async ({ view, userId }) => {
    const v = view.state.values;
    const load = Number(readInput(v, blocks.maxLoad, 'v') ?? 3);
    await services.review.saveExpert(userId, {
      userId: String(readInput(v, blocks.user, 'v') ?? ''),
      tags: (readInput(v, blocks.tags, 'v') as string[] | undefined) ?? [],
      maxLoad: load,
      awayFrom: (readInput(v, blocks.awayFrom, 'v') as string | undefined) ?? null,
      awayUntil: (readInput(v, blocks.awayUntil, 'v') as string | undefined) ?? null,
      affiliations: parseAffiliations(String(readInput(v, blocks.affiliations, 'v') ?? '')),
    });
  });
}
