import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  EXPORT_ROWS_HEADER,
  exportParams,
  type ExportParams,
  exportQuery,
  type ExportQuery,
} from '@cw/shared';
import type { Response } from 'express';
import { CurrentActor, Permission } from '../../common/access.decorators.js';
import type { Actor } from '../../common/request-context.js';
import { ValidParams, ValidQuery } from '../../common/validation.decorators.js';
import { type ExportFile, ExportsService } from './exports.service.js';

/** Sends an export as a download; a CSV streams, with its row count announced up front. */
function download(response: Response, file: ExportFile): StreamableFile {
  // Exports hold the consultation's input: no cache keeps a copy.
  response.setHeader('Cache-Control', 'no-store');
  if (file.rows !== undefined) response.setHeader(EXPORT_ROWS_HEADER, String(file.rows));
  const options = { type: file.contentType, disposition: `attachment; filename="${file.filename}"` };
  return Buffer.isBuffer(file.body)
    ? new StreamableFile(file.body, { ...options, length: file.body.length })
    : new StreamableFile(file.body, options);
}

@ApiTags('exports')
@Controller('api/consultations/:consultationId/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get(':format')
  @ApiOperation({
    summary: 'Export a file',
    description:
      'The summary notes (Markdown, Word or PDF), the input as CSV, or the results (Markdown, Word or PDF), as an attachment. Names appear only for an admin asking `includeNames=true` under named attribution (403 for an editor). `language` sets the words, dates and numbers of the export (default: the account’s language, else English); PDF is not available in Arabic or Chinese (400).',
  })
  @Permission('exports.create')
  @ApiProduces(
    'text/markdown',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/pdf',
    'text/csv',
  )
  @ApiOkResponse({
    description: 'The file, as an attachment; no participant is named unless includeNames is granted',
    schema: { type: 'string', format: 'binary' },
    headers: {
      'Content-Disposition': {
        description: '`attachment; filename="…"`',
        schema: { type: 'string' },
      },
      [EXPORT_ROWS_HEADER]: {
        description: 'With `input-csv` only: the rows the file holds, counted just before it streams',
        schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2 ** 31 - 1 },
      },
    },
  })
  async create(
    @ValidParams(exportParams) params: ExportParams,
    @ValidQuery(exportQuery) query: ExportQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    return download(response, await this.exports.export(actor, params.format, query));
  }
}
