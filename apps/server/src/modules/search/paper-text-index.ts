import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { sectionFragmentName } from '@cw/shared';
import * as Y from 'yjs';
import { PaperRegistry } from '../collab/index.js';
import { blocksToPlainText, fragmentToBlocks, sectionTexts } from '../versions/index.js';
import { SearchRepository } from './search.repository.js';

/** Edits to a paper within this many ms are indexed together, once the first is stored. */
const INDEX_DELAY_MS = 500;

/**
 * Keeps the plain text of each paper section, and of each version's, for search: a paper's text
 * is read from the document already in memory shortly after its edits are stored, never per
 * search; what is missing (a paper never edited since search came, a new section, a new version)
 * is indexed once, by the first search that needs it.
 */
@Injectable()
export class PaperTextIndex implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PaperTextIndex');
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  private unsubscribe: (() => void) | undefined;
  private isClosing = false;

  constructor(
    private readonly papers: PaperRegistry,
    private readonly repository: SearchRepository,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.papers.onPaperStored((consultationId) => this.schedule(consultationId));
  }

  /**
   * Edits stored from now on (the registry drains its documents at shutdown) are indexed after the
   * next edit of their paper, by whichever instance stores it.
   */
  onModuleDestroy(): void {
    this.isClosing = true;
    this.unsubscribe?.();
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
  }

  /** Indexes what the consultation's paper and versions lack. */
  async complete(consultationId: string): Promise<void> {
    const missing = await this.repository.unindexed(consultationId);
    if (missing.paper) await this.indexPaper(consultationId);
    for (const versionId of missing.versionIds) await this.indexVersion(versionId);
  }

  async indexPaper(consultationId: string): Promise<void> {
    const { attributionMode, sectionIds } = await this.repository.paperOf(consultationId);
    if (sectionIds.length === 0) return;
    const textsOf = (doc: Y.Doc) =>
      sectionIds.map((sectionId) => ({
        sectionId,
        text: blocksToPlainText(fragmentToBlocks(doc.getXmlFragment(sectionFragmentName(sectionId)))),
      }));
    // A paper this instance no longer holds (its last client left before the index ran) is read
    // from its stored state: loading it again would join it to the other instances for nothing.
    const texts = this.papers.isLoaded(consultationId)
      ? await this.papers.read(consultationId, attributionMode, textsOf)
      : textsOf(documentFrom(await this.papers.currentState(consultationId)));
    await this.repository.storeSectionTexts(consultationId, texts);
  }

  private async indexVersion(versionId: string): Promise<void> {
    const version = await this.repository.version(versionId);
    if (!version) return;
    const texts = sectionTexts(version.data, version.outline).map(({ sectionId, text }) => ({
      sectionId,
      text,
    }));
    await this.repository.storeVersionTexts(versionId, version.consultationId, texts);
  }

  private schedule(consultationId: string): void {
    if (this.isClosing || this.scheduled.has(consultationId)) return;
    const timer = setTimeout(() => {
      this.scheduled.delete(consultationId);
      this.indexPaper(consultationId).catch((error: unknown) =>
        // The next stored edit indexes it again.
        this.logger.warn(`Indexing the paper of ${consultationId} failed: ${(error as Error).message}`),
      );
    }, INDEX_DELAY_MS);
    timer.unref();
    this.scheduled.set(consultationId, timer);
  }
}

function documentFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
