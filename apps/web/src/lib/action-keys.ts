/** Failed actions remembered at once; the oldest is forgotten first. */
const MAX_REMEMBERED = 50;

/**
 * Keys of actions whose outcome is unknown, by what they sent. Sending exactly the same again
 * (the person presses Post once more after an error) is the same action, so it reuses the key:
 * if the first attempt did reach the server after all, the server answers it instead of creating
 * a second comment.
 */
const unsettled = new Map<string, string>();

/** 128 random bits as hex; `crypto.randomUUID` is missing outside secure contexts (plain http). */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The key for an action that sends `signature` (method, path and body). */
export function actionKey(signature: string): string {
  return unsettled.get(signature) ?? newKey();
}

/**
 * Forgets the key once the action's outcome is known (done, or refused), or remembers it when
 * the outcome is unknown (no answer, or one saying the server could not tell).
 */
export function settleAction(signature: string, key: string, isOutcomeKnown: boolean): void {
  unsettled.delete(signature);
  if (isOutcomeKnown) return;
  unsettled.set(signature, key);
  if (unsettled.size > MAX_REMEMBERED) unsettled.delete(unsettled.keys().next().value!);
}
