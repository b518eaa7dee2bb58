import { REDACTION_MARK } from './schemas/threads.js';
import type { TextRange } from './schemas/moderation.js';

/** Why a set of ranges cannot be cut from a text, or null when it can. */
export function rangeProblem(text: string, ranges: readonly TextRange[]): string | null {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  for (const [index, range] of sorted.entries()) {
    if (range.end > text.length) return `must lie inside the text (${text.length} characters)`;
    const previous = sorted[index - 1];
    if (previous && range.start < previous.end) return 'must not overlap';
  }
  return null;
}

/**
 * The text with each range replaced by REDACTION_MARK, as readers see a redacted comment: the
 * server stores it, the organisers' form previews it. Ranges must have passed `rangeProblem`.
 */
export function redactText(text: string, ranges: readonly TextRange[]): string {
  let result = '';
  let from = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    result += text.slice(from, range.start) + REDACTION_MARK;
    from = range.end;
  }
  return result + text.slice(from);
}
