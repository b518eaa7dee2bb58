import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { consultationParams, searchQuery, type SearchQuery, searchResults } from '@cw/shared';
import { z } from 'zod';
import { CurrentActor, Permission } from '../../common/access.decorators.js';
import type { Actor } from '../../common/request-context.js';
import { Returns, ValidParams, ValidQuery } from '../../common/validation.decorators.js';
import { SearchService } from './search.service.js';

type ConsultationParams = z.infer<typeof consultationParams>;

/** Every member searches what they may read. */
@ApiTags('search')
@Controller('api/consultations/:consultationId')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get('search')
  @ApiOperation({
    summary: 'Search the input',
    description:
      "Comments and the passages threads quote, best match first, with the matched words marked in passages of their text; stemmed by the consultation's language. Takes the thread list's filters. Hidden or deleted text never matches, and names are not searchable: authors are shown as the thread shows them to the caller.",
  })
  @Permission('threads.read')
  @Returns(searchResults, 'Best match first, at most 50')
  find(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidQuery(searchQuery) query: SearchQuery,
    @CurrentActor() actor: Actor,
  ) {
    return this.search.search(actor, query);
  }
}
