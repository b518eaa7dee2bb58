import { Injectable } from '@nestjs/common';
import {
  type CompareVersionsQuery,
  type CreateVersionBody,
  sectionFragmentName,
  type VersionComparison,
  type VersionDetail,
  type VersionSummary,
} from '@cw/shared';
import * as Y from 'yjs';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { isUniqueViolation } from '../../db/database-errors.js';
import { AuditLog } from '../audit/index.js';
import { PaperRegistry } from '../collab/index.js';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/index.js';
import { blocksToPlainText, fragmentToBlocks } from './paper-blocks.js';
import { compareSections, type SectionText } from './text-diff.js';
import { presentVersion, type Viewer } from './version.presenter.js';
import { type OutlineSection, type VersionContent, VersionsRepository } from './versions.repository.js';

/** Runs `read` on a paper rebuilt from one Yjs update, and frees it afterwards. */
function withPaper<T>(state: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return read(doc);
  } finally {
    doc.destroy();
  }
}

function sectionTexts(state: Uint8Array, outline: OutlineSection[]): SectionText[] {
  return withPaper(state, (doc) =>
    outline.map((section) => ({
      sectionId: section.id,
      number: section.number,
      title: section.title,
      text: blocksToPlainText(fragmentToBlocks(doc.getXmlFragment(sectionFragmentName(section.id)))),
    })),
  );
}

/** Named, immutable versions of the paper and the differences between them (SPEC §2). */
@Injectable()
export class VersionsService {
  constructor(
    private readonly versions: VersionsRepository,
    private readonly papers: PaperRegistry,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Snapshots the paper as it is now, with its sections' numbers, titles and order. A retry with
   * the request's Idempotency-Key answers the version taken the first time.
   */
  async create(actor: Actor, body: CreateVersionBody, request?: IdempotentRequest): Promise<VersionSummary> {
    const consultationId = actor.member.consultationId;
    const viewer: Viewer = {
      userId: actor.auth.userId,
      role: actor.member.role,
      attributionMode: actor.member.attributionMode,
    };
    const earlier = await this.idempotency.earlier(request);
    if (earlier) return this.summary(consultationId, earlier, viewer);
    const [data, outline] = await Promise.all([
      this.papers.storedState(consultationId),
      this.versions.currentOutline(consultationId),
    ]);
    try {
      const created = await this.idempotency.once(request, async (tx) => {
        const id = await this.versions.insert(
          {
            consultationId,
            name: body.name,
            data,
            outline,
            createdBy: viewer.userId,
            creatorRole: viewer.role,
          },
          tx,
        );
        await this.audit.record(
          actor,
          {
            action: 'version.created',
            target: { type: 'version', id, label: body.name },
            before: null,
            after: { name: body.name, sections: outline.length },
          },
          tx,
        );
        return id;
      });
      return await this.summary(consultationId, created.id, viewer);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('CONFLICT', `A version named "${body.name}" already exists`);
      throw error;
    }
  }

  private async summary(consultationId: string, id: string, viewer: Viewer): Promise<VersionSummary> {
    return presentVersion((await this.versions.find(consultationId, id))!, viewer);
  }

  async list(consultationId: string, viewer: Viewer): Promise<VersionSummary[]> {
    const records = await this.versions.list(consultationId);
    return records.map((record) => presentVersion(record, viewer));
  }

  /** The version's sections as they were, each with its content as read-only blocks. */
  async detail(consultationId: string, id: string, viewer: Viewer): Promise<VersionDetail> {
    const version = await this.findOrFail(consultationId, id);
    const sections = withPaper(version.data, (doc) =>
      version.outline.map((section) => ({
        sectionId: section.id,
        number: section.number,
        title: section.title,
        blocks: fragmentToBlocks(doc.getXmlFragment(sectionFragmentName(section.id))),
      })),
    );
    return { ...presentVersion(version, viewer), sections };
  }

  /** Word-level differences, section by section, from one version to another or to the live paper. */
  async compare(
    consultationId: string,
    query: CompareVersionsQuery,
    viewer: Viewer,
  ): Promise<VersionComparison> {
    const from = await this.findOrFail(consultationId, query.from);
    const to = query.to === 'current' ? undefined : await this.findOrFail(consultationId, query.to);
    const [toState, toOutline] = to
      ? [to.data, to.outline]
      : await Promise.all([
          this.papers.currentState(consultationId),
          this.versions.currentOutline(consultationId),
        ]);
    return {
      from: presentVersion(from, viewer),
      to: to ? presentVersion(to, viewer) : null,
      sections: compareSections(sectionTexts(from.data, from.outline), sectionTexts(toState, toOutline)),
    };
  }

  private async findOrFail(consultationId: string, id: string): Promise<VersionContent> {
    const version = await this.versions.find(consultationId, id);
    if (!version) throw notFound('Version not found');
    return version;
  }
}
