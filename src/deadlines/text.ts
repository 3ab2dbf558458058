/**
 * Cuts text to Slack's limit for a field, ending with an ellipsis when something was cut. Measured in UTF-16 units
 * (never fewer than Slack's characters) and cut between code points, so a CJK or emoji character is never split.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}
