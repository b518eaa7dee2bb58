import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { template } from '@cw/shared';
import { z } from 'zod';
import { SignedIn } from '../../common/access.decorators.js';
import { Returns } from '../../common/validation.decorators.js';
import { TemplateCatalog } from './template-catalog.js';

@ApiTags('templates')
@Controller('api/templates')
export class TemplatesController {
  constructor(private readonly catalog: TemplateCatalog) {}

  /** The consultation templates an organiser can start from. */
  @Get()
  @SignedIn()
  @Returns(z.array(template))
  list() {
    return this.catalog.list();
  }
}
