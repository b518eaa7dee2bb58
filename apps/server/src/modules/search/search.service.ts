import { Injectable } from '@nestjs/common';
import { can, type SearchQuery, type SearchResult, type SearchResults, type Thread } from '@cw/shared';
import type { Actor } from '../../common/request-context.js';
import { isShownUnder, ThreadsService } from '../threads/index.js';
import { highlightParts } from './highlights.js';
import { PaperTextIndex } from './paper-text-index.js';
import { type SearchHit, SearchRepository } from './search.repository.js';

/** The most results one answer holds. */
const SEARCH_RESULTS_MAX = 50;
/**
 * Matches ranked before the stakeholder label filter, which depends on the viewer: enough that a
 * filtered search still fills an answer in all but extreme cases.
 */
const CANDIDATES_MAX = 200;

/**
 * Search within what the caller may read: the index holds only text every reader of it sees, and
 * each result's author is presented as the thread shows it to the caller, so a search never
 * attributes more than reading does.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly threads: ThreadsService,
    private readonly paperTexts: PaperTextIndex,
  ) {}

  /**
   * The paper and its versions for those who may read the paper; the session notes as last
   * published for those who may read results (every member, once notes are published).
   */
  async search(actor: Actor, { q, groupId, ...filters }: SearchQuery): Promise<SearchResults> {
    const { consultationId, role, phase } = actor.member;
    const scope = {
      paper: can(role, 'paper.read', phase) && groupId === undefined,
      notes: can(role, 'results.read', phase) && groupId === undefined,
    };
    if (scope.paper) await this.paperTexts.complete(consultationId);
    const hits = await this.repository.search(consultationId, q, filters, scope, CANDIDATES_MAX);
    const threadIds = new Set(hits.flatMap((hit) => (hit.threadId ? [hit.threadId] : [])));
    const threads = new Map(
      (await this.threads.present(actor, [...threadIds])).map((thread) => [thread.id, thread]),
    );
    const results: SearchResult[] = [];
    for (const hit of hits) {
      const result = presentHit(hit, hit.threadId ? threads.get(hit.threadId) : undefined, groupId);
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
  const fragment = highlightParts(hit.headline);
  if (hit.type === 'section') return { type: 'section', sectionId: hit.sectionId!, fragment };
  if (hit.type === 'version')
    return {
      type: 'version',
      versionId: hit.versionId!,
      versionName: hit.versionName!,
      sectionId: hit.sectionId!,
      fragment,
    };
  if (hit.type === 'notes') return { type: 'notes', sessionId: hit.sessionId!, fragment };
  if (!thread) return undefined;
  const place = {
    threadId: thread.id,
    questionId: hit.questionId,
    sectionId: hit.sectionId,
    fragment,
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
