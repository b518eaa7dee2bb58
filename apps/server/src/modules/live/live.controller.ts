import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  @Permission('consultation.read')
  @Returns(liveState)
  state(@ValidParams(consultationParams) _params: Params, @CurrentActor() actor: Actor) {
    return this.live.state(actor);
  }

  @Post('start')
  @HttpCode(200)
  @Permission('live.run')
  @Returns(liveState, 'Running; 409 LIVE_SESSION_RUNNING while another item runs')
  start(
    @ValidParams(consultationParams) _params: Params,
    @ValidBody(startLiveBody) body: StartLiveBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.live.start(actor, body);
  }

  @Put('focus')
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
  @HttpCode(200)
  @Permission('live.run')
  @Returns(liveState)
  end(@ValidParams(consultationParams) _params: Params, @CurrentActor() actor: Actor) {
    return this.live.end(actor);
  }

  @Put('hand')
  @Permission('live.raiseHand')
  @Returns(liveState, 'The hand is up (again is harmless: it keeps its place)')
  raiseHand(@ValidParams(consultationParams) _params: Params, @CurrentActor() actor: Actor) {
    return this.live.raiseHand(actor);
  }

  @Delete('hand')
  @Permission('live.raiseHand')
  @Returns(liveState, 'The hand is down (again is harmless)')
  lowerHand(@ValidParams(consultationParams) _params: Params, @CurrentActor() actor: Actor) {
    return this.live.lowerHand(actor);
  }

  @Delete('hands/:handId')
  @Permission('live.run')
  @Returns(liveState, 'The hand is down; 404 when it no longer was up')
  acknowledgeHand(
    @ValidParams(liveHandParams) params: z.infer<typeof liveHandParams>,
    @CurrentActor() actor: Actor,
  ) {
    return this.live.acknowledgeHand(actor, params.handId);
  }

  @Delete('hands')
  @Permission('live.run')
  @Returns(liveState)
  clearHands(@ValidParams(consultationParams) _params: Params, @CurrentActor() actor: Actor) {
    return this.live.clearHands(actor);
  }
}
