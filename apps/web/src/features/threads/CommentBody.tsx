import { lazy, Suspense } from 'react';

// The Markdown parser is a large part of a thread page's code: it loads when the first comment
// shows, and the page renders without waiting for it.
const CommentMarkdown = lazy(() =>
  import('./CommentMarkdown').then((module) => ({ default: module.CommentMarkdown })),
);

/** A comment with its light Markdown; its plain text until the Markdown renderer has loaded. */
export function CommentBody({ body }: { body: string }) {
  return (
    <div className="comment-body user-text">
      <Suspense fallback={<p>{body}</p>}>
        <CommentMarkdown body={body} />
      </Suspense>
    </div>
  );
}
