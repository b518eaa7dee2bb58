import { type CollabDocument, parseCollabRoom } from '@cw/shared';

/**
 * The collab machinery serves several kinds of document (`CollabDocument`: the paper, a
 * session's notes), each known by its room name (`collabRoom`): the paper's is its consultation's
 * id, a session's notes' `<consultationId>/notes/<sessionId>`. That id keys a loaded document, its
 * Redis channel and its group commit; storage reads the kind and ids back from it.
 */
export function documentOf(documentId: string): CollabDocument {
  const document = parseCollabRoom(documentId);
  if (!document) throw new Error(`Not a document id: ${documentId}`);
  return document;
}

/**
 * The advisory lock that orders a stored document's appends and compactions. The paper's name is
 * the one it had before there were notes, so instances of both versions agree on it.
 */
export function storageLockName(document: CollabDocument): string {
  return document.kind === 'paper' ? `paper:${document.consultationId}` : `notes:${document.sessionId}`;
}

/** A document as the logs name it. */
export function describeDocument(documentId: string): string {
  const document = parseCollabRoom(documentId);
  if (!document) return documentId;
  return document.kind === 'paper'
    ? `Paper ${document.consultationId}`
    : `Notes of session ${document.sessionId}`;
}
