import { Controller, Get } from '@nestjs/common';
import type { verification } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiRoute } from '../http/api-route.decorator';
import { VERIFIERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';
import { VERIFICATION, VerificationService } from './verification.service';

@Controller('/api/v1/verify')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Get()
  @ApiRoute({
    tag: 'verification',
    summary: 'Verify an ID card, a diplomatic plate or a driver licence',
    description:
      'Give ?idCard=, ?plate= or ?licence=. Accreditation answers for a card: status, who, the mission, the immunity level in force and ' +
      "guidance in the words of the law-enforcement booklet. Vehicles answers for a plate: the plate's status, registration, insurance " +
      "and owning mission; the driver's immunity is verified by the driver's ID card. A card or plate nobody holds answers 200 with " +
      'status unknown. Vehicles answers for a licence: its status (valid, suspended, expired, terminated), points ' +
      'standing, the holder’s name and mission — never a date of birth or an address. Every verification is audited.',
    roles: VERIFIERS,
    request: { message: 'ofm.common.v1.VerificationQuery', query: true },
    answer: { message: VERIFICATION },
  })
  verify(@RpcRequest() query: verification.VerificationQuery, @CurrentActor() actor: Actor) {
    return this.verification.verify(query, actor);
  }
}
