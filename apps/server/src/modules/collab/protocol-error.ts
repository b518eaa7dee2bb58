/** A message the socket must be closed for, with the close code and reason to send. */
export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
  }
}
