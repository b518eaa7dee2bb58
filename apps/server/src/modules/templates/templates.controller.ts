import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { template } from '@cw/shared';
import { z } from 'zod';
import { SignedIn } from '../../common/access.decorators.js';
import { Returns } from '../../common/validation.decorators.js';
import { TemplateCatalog } from './template-catalog.js';

@ApiTags('templates')
@Controller('api/templates')
export class TemplatesController {
  constructor(private readonly catalog: TemplateCatalog) {}

  @Get()
  @ApiOperation({
    summary: 'List consultation templates',
    description: 'The templates an organiser can start a consultation from.',
  })
  @SignedIn()
  @Returns(z.array(template))
  list() {
    return this.catalog.list();
  }
}
