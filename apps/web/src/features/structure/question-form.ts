import { questionBody, type GuidingQuestion } from '@cw/shared';
import { z } from 'zod';

/** Radix Select cannot hold an empty value, so "no session" has its own marker. */
export const NO_SESSION = 'none';

/** The guiding-question form as its controls hold it. */
export interface QuestionValues {
  /** As typed; empty lets the server give the next number. */
  number: string;
  text: string;
  sectionIds: string[];
  /** A session id, or `NO_SESSION`. */
  sessionId: string;
}

/** The question's own values, or an empty form for a new one. */
export function questionValues(question: GuidingQuestion | undefined): QuestionValues {
  return {
    number: question ? String(question.number) : '',
    text: question?.text ?? '',
    sectionIds: question?.sectionIds ?? [],
    sessionId: question?.sessionId ?? NO_SESSION,
  };
}

export function toQuestionBody(values: QuestionValues): z.input<typeof questionBody> {
  const { number, sessionId, ...fields } = values;
  return {
    ...fields,
    sessionId: sessionId === NO_SESSION ? null : sessionId,
    ...(number.trim() ? { number: Number(number) } : {}),
  };
}

/** The form checked by the server's own schema; its issues keep the field names. */
export const questionForm = z.custom<QuestionValues>().transform(toQuestionBody).pipe(questionBody);
