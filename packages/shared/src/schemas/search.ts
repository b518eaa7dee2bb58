import { z } from 'zod';
import { text, uuid } from './common.js';
import { attribution, threadListQuery } from './threads.js';

/** The longest search a box takes, in characters. */
export const SEARCH_QUERY_MAX = 200;

/**
 * A search with the thread list's filters: status, guiding question, section and the stakeholder
 * label as the caller sees it. The paper, its versions and the published notes are searched too,
 * but for a status, question or label filter, which only threads have; a section filter keeps the
 * paper's and versions' text of that section. `q` takes words, "quoted phrases", `or` and `-excluded` words.
 */
export const searchQuery = threadListQuery.extend({ q: text({ max: SEARCH_QUERY_MAX }) });
export type SearchQuery = z.infer<typeof searchQuery>;

/**
 * A piece of a result's text, in order: the words that matched are marked, never by markup, so
 * a client shows them as text.
 */
export const highlightPart = z.object({ text: z.string(), isMatch: z.boolean() });
export type HighlightPart = z.infer<typeof highlightPart>;

const threadPlace = {
  threadId: uuid,
  questionId: uuid.nullable(),
  sectionId: uuid.nullable(),
  /** The best matching passages of the text, cut around the words found. */
  fragment: z.array(highlightPart),
};

const fragment = threadPlace.fragment;

/**
 * What a search found, best match first: a comment, the quoted passage a thread is about, a
 * section of the paper as it is now or as a version has it, or an agenda session's published notes.
 */
export const searchResult = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('comment'),
    ...threadPlace,
    commentId: uuid,
    /** As the caller may see its author (SPEC §3): a search never tells more than the thread. */
    author: attribution,
  }),
  z.object({ type: z.literal('quote'), ...threadPlace }),
  z.object({ type: z.literal('section'), sectionId: uuid, fragment }),
  z.object({
    type: z.literal('version'),
    versionId: uuid,
    versionName: z.string(),
    /** The section as the version has it; it may have been removed from the paper since. */
    sectionId: uuid,
    fragment,
  }),
  z.object({ type: z.literal('notes'), sessionId: uuid, fragment }),
]);
export type SearchResult = z.infer<typeof searchResult>;

export const searchResults = z.object({
  results: z.array(searchResult),
  /** More matched than the answer holds: a narrower search finds the rest. */
  isTruncated: z.boolean(),
});
export type SearchResults = z.infer<typeof searchResults>;
