import { Injectable } from '@nestjs/common';
import { sectionFragmentName } from '@cw/shared';
import * as Y from 'yjs';
import { Database } from '../../db/database.js';
import { GroupLabelsRepository, type Poster } from '../attribution/index.js';
import { PaperRegistry } from '../collab/index.js';
import { paperFromState } from './anchors.js';
import { DemoInputRepository } from './demo-input.repository.js';
import { DEMO_THREADS, type DemoThread, type DemoVoice } from './demo-input.js';
import type { AnchorRecord } from './thread-records.js';
import { ThreadsRepository } from './threads.repository.js';

const encode = (position: Y.RelativePosition) =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/** Adds the sample threads (demo-input.ts) to the demo consultation unless it already has input. */
@Injectable()
export class DemoInputSeeder {
  constructor(
    private readonly db: Database,
    private readonly threads: ThreadsRepository,
    private readonly demo: DemoInputRepository,
    private readonly papers: PaperRegistry,
    private readonly labels: GroupLabelsRepository,
  ) {}

  async seed(consultationId: string): Promise<void> {
    // Reading the paper stores its first state from the template text, so anchors have text to hold.
    const doc = paperFromState(await this.papers.currentState(consultationId));
    try {
      await this.db.sql.begin(async (tx) => {
        if (await this.demo.lockAndHasThreads(consultationId, tx)) return;
        const voices = await this.demo.members(consultationId, tx);
        const questions = await this.demo.questions(consultationId, tx);
        const sections = await this.demo.sections(consultationId, tx);
        const scopes = await this.labels.scopes(consultationId, tx);
        const posterFor = (voice: DemoVoice): Poster => {
          const row = voices.find((v) => v.role === voice.role && v.group_name === voice.group)!;
          return {
            userId: row.user_id,
            role: row.role,
            groupId: row.group_id,
            labelScope: scopes[row.group_id] ?? 'participant',
          };
        };
        for (const demo of DEMO_THREADS) {
          const [first, ...replies] = demo.comments;
          const { threadId, commentId } = await this.threads.insertThread(
            consultationId,
            posterFor(first!.by),
            {
              questionId: questions.find((q) => q.number === demo.question)?.id ?? null,
              anchor: anchorFor(doc, sections, demo),
              body: first!.body,
            },
            tx,
          );
          const commentIds = [commentId];
          for (const reply of replies)
            commentIds.push(await this.threads.insertComment(threadId, posterFor(reply.by), reply.body, tx));
          for (const [index, comment] of demo.comments.entries()) {
            for (const voice of comment.endorsedBy ?? []) {
              await this.threads.endorse(commentIds[index]!, posterFor(voice), tx);
            }
          }
          if (demo.resolution) {
            const { by, outcome, note } = demo.resolution;
            await this.threads.resolve(consultationId, threadId, posterFor(by), { outcome, note }, tx);
          }
        }
      });
    } finally {
      doc.destroy();
    }
  }
}

/** The first words of the section's first paragraph, as relative positions and quote. */
function anchorFor(doc: Y.Doc, sections: Array<{ id: string }>, demo: DemoThread): AnchorRecord | null {
  if (!demo.anchor) return null;
  const section = sections[demo.anchor.sectionPosition];
  if (!section) return null;
  const paragraph = doc.getXmlFragment(sectionFragmentName(section.id)).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  if (!(text instanceof Y.XmlText)) return null;
  const content = text.toString();
  const end = content.split(' ').slice(0, demo.anchor.words).join(' ').length;
  if (end === 0) return null;
  return {
    sectionId: section.id,
    start: encode(Y.createRelativePositionFromTypeIndex(text, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(text, end, -1)),
    quote: content.slice(0, end),
  };
}
