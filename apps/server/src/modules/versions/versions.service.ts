import { Injectable } from '@nestjs/common';
import {
  type CompareVersionsQuery,
  type CreateVersionBody,
  groupLabel,
  sectionFragmentName,
  type VersionComparison,
  type VersionDetail,
  VERSION_NAME_MAX_LENGTH,
  type VersionRestore,
  type VersionSummary,
} from '@cw/shared';
import * as Y from 'yjs';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { isUniqueViolation } from '../../db/database-errors.js';
import { GroupLabelsRepository, shownScope } from '../attribution/index.js';
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

/** The plain text of each section of the outline in a stored paper (a version's, say). */
export function sectionTexts(state: Uint8Array, outline: OutlineSection[]): SectionText[] {
  return withPaper(state, (doc) =>
    outline.map((section) => ({
      sectionId: section.id,
      number: section.number,
      title: section.title,
      text: blocksToPlainText(fragmentToBlocks(doc.getXmlFragment(sectionFragmentName(section.id)))),
    })),
  );
}

const viewerOf = (actor: Actor): Viewer => ({
  userId: actor.auth.userId,
  role: actor.member.role,
  attributionMode: actor.member.attributionMode,
});

/** The name of the version saved before a restore; unique per second, within the length limit. */
export function beforeRestoringName(restored: string, at: Date): string {
  const when = `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  const room = VERSION_NAME_MAX_LENGTH - `Before restoring "" (${when})`.length;
  const name = restored.length > room ? `${restored.slice(0, room - 1)}…` : restored;
  return `Before restoring "${name}" (${when})`;
}

/**
 * Makes `target` hold what `source` holds (another document's section), unless it already does.
 * Returns whether it changed anything.
 */
function replaceFragment(target: Y.XmlFragment, source: Y.XmlFragment): boolean {
  if (target.toString() === source.toString()) return false;
  target.delete(0, target.length);
  // The editor writes elements and text only; hooks are never part of a paper.
  const nodes = source.toArray().flatMap((node) => (node instanceof Y.XmlHook ? [] : [node.clone()]));
  target.insert(0, nodes);
  return true;
}

/** Named, immutable versions of the paper and the differences between them (SPEC §2). */
@Injectable()
export class VersionsService {
  constructor(
    private readonly versions: VersionsRepository,
    private readonly papers: PaperRegistry,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditLog,
    private readonly labels: GroupLabelsRepository,
  ) {}

  /**
   * Snapshots the paper as it is now, with its sections' numbers, titles and order. A retry with
   * the request's Idempotency-Key answers the version taken the first time.
   */
  async create(actor: Actor, body: CreateVersionBody, request?: IdempotentRequest): Promise<VersionSummary> {
    const consultationId = actor.member.consultationId;
    const earlier = await this.idempotency.earlier(request);
    if (earlier) return this.summary(consultationId, earlier, viewerOf(actor));
    const created = await this.save(actor, body.name, request);
    return this.summary(consultationId, created, viewerOf(actor));
  }

  private async save(actor: Actor, name: string, request?: IdempotentRequest): Promise<string> {
    const consultationId = actor.member.consultationId;
    const [data, outline] = await Promise.all([
      this.papers.storedState(consultationId),
      this.versions.currentOutline(consultationId),
    ]);
    try {
      const created = await this.idempotency.once(request, async (tx) => {
        const id = await this.versions.insert(
          {
            consultationId,
            name,
            data,
            outline,
            createdBy: actor.auth.userId,
            creatorRole: actor.member.role,
          },
          tx,
        );
        await this.audit.record(
          actor,
          {
            action: 'version.created',
            target: { type: 'version', id, label: name },
            before: null,
            after: { name, sections: outline.length },
          },
          tx,
        );
        return id;
      });
      return created.id;
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('CONFLICT', `A version named "${name}" already exists`);
      throw error;
    }
  }

  /**
   * Puts the text of a version back, section by section, as a change on top of the paper: the
   * paper as it is now is saved as a version first, nothing in its history is rewritten, and the
   * sockets on it receive the change as they receive edits. Sections whose text is already the
   * version's are not touched (their passages keep their anchors); sections added since, or no
   * longer in the paper, are left as they are — the structure belongs to the structure editor.
   */
  async restore(actor: Actor, id: string): Promise<VersionRestore> {
    const consultationId = actor.member.consultationId;
    const version = await this.findOrFail(consultationId, id);
    const savedAs = await this.save(actor, beforeRestoringName(version.name, new Date()));
    const current = await this.versions.currentOutline(consultationId);
    const inVersion = new Set(version.outline.map((section) => section.id));
    const inPaper = new Set(current.map((section) => section.id));
    const both = current.filter((section) => inVersion.has(section.id));
    let sectionsRestored = 0;
    const source = new Y.Doc();
    Y.applyUpdate(source, version.data);
    try {
      await this.papers.change(consultationId, actor.member.attributionMode, actor.auth.userId, (doc) => {
        sectionsRestored = 0;
        for (const section of both) {
          const name = sectionFragmentName(section.id);
          if (replaceFragment(doc.getXmlFragment(name), source.getXmlFragment(name))) sectionsRestored++;
        }
      });
    } finally {
      source.destroy();
    }
    await this.audit.record(actor, {
      action: 'version.restored',
      target: { type: 'version', id, label: version.name },
      before: null,
      after: { sectionsRestored, savedAs },
    });
    return {
      savedAs: await this.summary(consultationId, savedAs, viewerOf(actor)),
      sectionsRestored,
      sectionsUnchanged: both.length - sectionsRestored,
      sectionsNotInVersion: current.length - both.length,
      sectionsNoLongerInPaper: version.outline.filter((section) => !inPaper.has(section.id)).length,
    };
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

  /**
   * Word-level differences, section by section, from one version to another or to the live
   * paper, with the suggestions accepted in each section in between (the text settled since the
   * older side was taken), labelled by their suggester's group as comments are.
   */
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
    const [older, newer] = [new Date(from.createdAt), to ? new Date(to.createdAt) : new Date()].sort(
      (a, b) => a.getTime() - b.getTime(),
    );
    const [accepted, labelScopes] = await Promise.all([
      this.versions.acceptedSuggestions(consultationId, older!, newer!),
      this.labels.scopes(consultationId),
    ]);
    const sections = compareSections(sectionTexts(from.data, from.outline), sectionTexts(toState, toOutline));
    return {
      from: presentVersion(from, viewer),
      to: to ? presentVersion(to, viewer) : null,
      sections: sections.map((section) => ({
        ...section,
        acceptedSuggestions: accepted
          .filter((suggestion) => suggestion.sectionId === section.sectionId)
          .map((suggestion) => ({
            insertedText: suggestion.insertedText,
            deletedText: suggestion.deletedText,
            reason: suggestion.reason,
            groupLabel: groupLabel(shownScope(suggestion, labelScopes), suggestion.groupName),
          })),
      })),
    };
  }

  private async findOrFail(consultationId: string, id: string): Promise<VersionContent> {
    const version = await this.versions.find(consultationId, id);
    if (!version) throw notFound('Version not found');
    return version;
  }
}
