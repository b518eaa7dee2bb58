import pretty from 'pino-pretty';

interface RequestLine {
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  context?: string;
}

/** One line a person can read: `GET /api/me 200 in 4 ms`, or `[Context] message`. */
export function prettyMessage(log: Record<string, unknown>, messageKey: string): string {
  const { req, res, responseTime, context } = log as RequestLine;
  if (req?.method && res?.statusCode !== undefined) {
    return `${req.method} ${req.url ?? ''} ${res.statusCode}${responseTime === undefined ? '' : ` in ${responseTime} ms`}`;
  }
  const message = String(log[messageKey] ?? '');
  return context ? `[${context}] ${message}` : message;
}

/**
 * Log lines for a terminal: time, level and the message, with the request and process details
 * JSON logs carry left out (errors keep their stack). Written synchronously so they interleave
 * with the start-up summary in order.
 */
export function prettyLogStream() {
  return pretty({
    sync: true,
    translateTime: 'HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime,reqId',
    messageFormat: prettyMessage,
  });
}
