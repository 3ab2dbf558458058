import { InputError } from '../../errors.ts';

/** A `/pilot` command line, parsed. */
export type PilotCommand = { sub: 'help' } | { sub: 'new'; track: 'pilot' };

/** Parses the text after `/pilot`; anything it cannot read becomes an InputError that says the right usage. */
export function parsePilotCommand(text: string): PilotCommand {
  const words = text.normalize('NFKC').trim().split(/\s+/).filter(Boolean);
  const [sub, ...rest] = words.map((w) => w.toLowerCase());
  switch (sub) {
    case undefined:
    case 'help':
    case '帮助':
      return { sub: 'help' };
    case 'new': {
      const [track] = rest;
      if (track === undefined) throw new InputError('command.newUsage');
      if (track !== 'pilot') throw new InputError('command.newTrackUnknown', { track });
      return { sub: 'new', track };
    }
    default:
      throw new InputError('command.unknown', { sub: words[0] ?? '' });
  }
}
