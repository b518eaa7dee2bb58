import type { HighlightPart } from '@cw/shared';

/** Put around each matched word by the database's headline; stripped from the text beforehand. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/** Characters of scripts written without spaces, indexed one by one (migration 0023). */
const UNSPACED = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2ebef}';
/** The spaces the index put between such characters, with any match marks beside them. */
const INDEXING_SPACES = new RegExp(
  `([${UNSPACED}][${MATCH_START}${MATCH_END}]*)\\s+(?=[${MATCH_START}${MATCH_END}]*[${UNSPACED}])`,
  'gu',
);

/**
 * A headline as parts to show as text: the marks become `isMatch`, the spaces the index put
 * between Chinese or Japanese characters go, and runs of white space become one space.
 */
export function highlightParts(headline: string): HighlightPart[] {
  const joined = headline.replace(INDEXING_SPACES, '$1').replace(/\s+/g, ' ').trim();
  const parts: HighlightPart[] = [];
  let isMatch = false;
  for (const piece of joined.split(new RegExp(`([${MATCH_START}${MATCH_END}])`, 'u'))) {
    if (piece === MATCH_START || piece === MATCH_END) {
      isMatch = piece === MATCH_START;
      continue;
    }
    if (piece === '') continue;
    const last = parts[parts.length - 1];
    if (last && last.isMatch === isMatch) last.text += piece;
    else parts.push({ text: piece, isMatch });
  }
  return parts;
}
