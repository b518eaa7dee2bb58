import { EXPORT_ROWS_HEADER, type ExportFormat, type Language } from '@cw/shared';
import { NetworkError, toApiError } from '../../lib/api-error';
import { CsvRecordCounter } from './csv-records';

export interface ExportOptions {
  format: ExportFormat;
  /** Only this agenda session; undefined for all. */
  sessionId: string | undefined;
  /** Only offered to an admin of a named consultation; the server checks it again. */
  includeNames: boolean;
  /** The language of the file's own words, dates and numbers. */
  language: Language;
}

/** How far a download has come: rows for a CSV, bytes otherwise; `total` null while unknown. */
export interface ExportProgress {
  unit: 'rows' | 'bytes';
  done: number;
  total: number | null;
}

export interface ExportedFile {
  blob: Blob;
  filename: string;
}

export function exportUrl(consultationId: string, options: ExportOptions): string {
  const query = new URLSearchParams();
  if (options.sessionId) query.set('sessionId', options.sessionId);
  if (options.includeNames) query.set('includeNames', 'true');
  query.set('language', options.language);
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `/api/consultations/${consultationId}/exports/${options.format}${search}`;
}

/** The file name the server gave in Content-Disposition, or a fallback. */
export function attachmentName(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Fetches an export while reporting progress: the server announces a CSV's rows up front and
 * the other files' length, so the reader can show how much has arrived. `signal` cancels it.
 */
export async function downloadExport(
  consultationId: string,
  options: ExportOptions,
  onProgress: (progress: ExportProgress) => void,
  signal: AbortSignal,
): Promise<ExportedFile> {
  let response: Response;
  try {
    response = await fetch(exportUrl(consultationId, options), { credentials: 'same-origin', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new NetworkError(error);
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));

  const rows = response.headers.get(EXPORT_ROWS_HEADER);
  const length = response.headers.get('Content-Length');
  const counter = rows === null ? null : new CsvRecordCounter();
  const total = rows !== null ? Number(rows) : length !== null ? Number(length) : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  const report = () =>
    onProgress(
      counter
        ? { unit: 'rows', done: Math.max(0, counter.records - 1), total }
        : { unit: 'bytes', done: bytes, total },
    );
  report();
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
      counter?.push(value);
      report();
    }
  }
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  return {
    blob: new Blob(chunks, { type }),
    filename: attachmentName(response.headers.get('Content-Disposition'), `export-${options.format}`),
  };
}

/** Hands a downloaded file to the browser to save. */
export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download from the object URL; free it on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
