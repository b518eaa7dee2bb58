import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  consultationParams,
  extendLiveBody,
  type ExtendLiveBody,
  liveFocusBody,
  type LiveFocusBody,
  liveHandParams,
  liveState,
  startLiveBody,
  type StartLiveBody,
} from '@cw/shared';
import type { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { CurrentActor, Permission } from '../../common/access.decorators.js';
import type { Actor } from '../../common/request-context.js';
import { Returns, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { LiveService } from './live.service.js';

type Params = z.infer<typeof consultationParams>;

/** Every route answers the live state as the caller may see it (`liveState`). */
@ApiTags('live')
@Controller('api/consultations/:consultationId/live')
export class LiveController {
  constructor(private readonly live: LiveService) {}

  @Get()
  @ApiOperation({
    summary: 'The live state',
    description:
      'The agenda item running, its times, the question or section in focus, and the raised hands the caller may see.',
  })
  @Permission('consultation.read')
  @Returns(liveState)
  state(@ValidParams(consultationParams) _params: Params, @CurrentActor() actor: Actor) {
    return this.live.state(actor);
  }

  @Post('start')
  @ApiOperation({
    summary: 'Start an agenda item live',
    description: 'One item runs at a time (409 `LIVE_SESSION_RUNNING` while another does).',
  })
  @Errors('LIVE_SESSION_RUNNING')
  @HttpCode(200)
  @Permission('live.run')
  @Returns(liveState, 'Running')
  start(
    @ValidParams(consultationParams) _params: Params,
    @ValidBody(startLiveBody) body: StartLiveBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.live.start(actor, body);
  }

  @Put('focus')
  @ApiOperation({
    summary: 'Move the focus',
    description: 'To a guiding question or section of the running item, or none.',
  })
  @Errors('NO_LIVE_SESSION')
  @Permission('live.run')
  @Returns(liveState)
  focus(
    @ValidParams(consultationParams) _params: Params,
    @ValidBody(liveFocusBody) body: LiveFocusBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.live.focus(actor, body);
  }

  @Post('extend')
  @ApiOperation({
    summary: 'Extend the running item',
    description: 'Adds minutes to its end, or to now once it is over.',
  })
  @Errors('NO_LIVE_SESSION')
  @HttpCode(200)
  @Permission('live.run')
  @Returns(liveState)
  extend(
    @ValidParams(consultationParams) _params: Params,
    @ValidBody(extendLiveBody) body: ExtendLiveBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.live.extend(actor, body);
  }

  @Post('end')
  @ApiOperation({
    summary: 'End the running item',
    description: 'Hands still up are lowered.',
  })
  @Errors('NO_LIVE_SESSION')
  @HttpCode(200)
  @Permission('live.run')
  @Returns(liveState)
  end(@ValidParams(consultationParams) _params: Params, @CurrentActor() actor: Actor) {
    return this.live.end(actor);
  }

  @Put('hand')
  @ApiOperation({
    summary: 'Raise my hand',
    description: 'On the question under discussion; again is harmless, and the hand keeps its place.',
  })
  @Errors('NO_LIVE_SESSION')
  @Permission('live.raiseHand')
  @Returns(liveState, 'The hand is up (again is harmless: it keeps its place)')
  raiseHand(@ValidParams(consultationParams) _params: Params, @CurrentActor() actor: Actor) {
    return this.live.raiseHand(actor);
  }

  @Delete('hand')
  @ApiOperation({
    summary: 'Lower my hand',
    description: 'Again is harmless.',
  })
  @Permission('live.raiseHand')
  @Returns(liveState, 'The hand is down (again is harmless)')
  lowerHand(@ValidParams(consultationParams) _params: Params, @CurrentActor() actor: Actor) {
    return this.live.lowerHand(actor);
  }

  @Delete('hands/:handId')
  @ApiOperation({
    summary: 'Lower a raised hand',
    description: 'The member was heard, or not for now; 404 when the hand is no longer up.',
  })
  @Errors('NO_LIVE_SESSION', 'NOT_FOUND')
  @Permission('live.run')
  @Returns(liveState, 'The hand is down')
  acknowledgeHand(
    @ValidParams(liveHandParams) params: z.infer<typeof liveHandParams>,
    @CurrentActor() actor: Actor,
  ) {
    return this.live.acknowledgeHand(actor, params.handId);
  }

  @Delete('hands')
  @ApiOperation({ summary: 'Lower every hand' })
  @Errors('NO_LIVE_SESSION')
  @Permission('live.run')
  @Returns(liveState)
  clearHands(@ValidParams(consultationParams) _params: Params, @CurrentActor() actor: Actor) {
    return this.live.clearHands(actor);
  }
}
