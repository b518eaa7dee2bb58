import { Injectable } from '@nestjs/common';
import type { SearchQuery, SearchResult, SearchResults, Thread } from '@cw/shared';
import type { Actor } from '../../common/request-context.js';
import { isShownUnder, ThreadsService } from '../threads/index.js';
import { highlightParts } from './highlights.js';
import { type SearchHit, SearchRepository } from './search.repository.js';

/** The most results one answer holds. */
export const SEARCH_RESULTS_MAX = 50;
/**
 * Matches ranked before the stakeholder label filter, which depends on the viewer: enough that a
 * filtered search still fills an answer in all but extreme cases.
 */
const CANDIDATES_MAX = 200;

/**
 * Search within what the caller may read: the index holds only text every reader of a thread
 * sees, and each result's author is presented as the thread shows it to the caller, so a search
 * never attributes more than reading does.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly threads: ThreadsService,
  ) {}

  async search(actor: Actor, { q, groupId, ...filters }: SearchQuery): Promise<SearchResults> {
    const hits = await this.repository.search(actor.member.consultationId, q, filters, CANDIDATES_MAX);
    const threads = new Map(
      (await this.threads.present(actor, [...new Set(hits.map((hit) => hit.threadId))])).map((thread) => [
        thread.id,
        thread,
      ]),
    );
    const results: SearchResult[] = [];
    for (const hit of hits) {
      const result = presentHit(hit, threads.get(hit.threadId), groupId);
      if (result) results.push(result);
    }
    return {
      results: results.slice(0, SEARCH_RESULTS_MAX),
      isTruncated: results.length > SEARCH_RESULTS_MAX || hits.length === CANDIDATES_MAX,
    };
  }
}

/** The hit as the caller may see it; none when it is not (any more) shown under the label filter. */
function presentHit(hit: SearchHit, thread: Thread | undefined, groupId?: string): SearchResult | undefined {
  if (!thread) return undefined;
  const place = {
    threadId: hit.threadId,
    questionId: hit.questionId,
    sectionId: hit.sectionId,
    fragment: highlightParts(hit.headline),
  };
  if (hit.type === 'quote') {
    const isShown =
      groupId === undefined ||
      thread.comments.some((comment) => !comment.isDeleted && isShownUnder(comment.author, groupId));
    return isShown ? { type: 'quote', ...place } : undefined;
  }
  const comment = thread.comments.find((candidate) => candidate.id === hit.commentId);
  if (!comment || comment.body === null) return undefined;
  if (groupId !== undefined && !isShownUnder(comment.author, groupId)) return undefined;
  return { type: 'comment', ...place, commentId: comment.id, author: comment.author };
}
