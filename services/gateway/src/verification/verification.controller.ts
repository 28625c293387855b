import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { validationFailed, type Actor } from '@ofm/platform';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiRoute } from '../http/api-route.decorator';
import { VerificationView, VerifyQuery } from './verification.dto';
import { VerificationService, type VerificationQuery } from './verification.service';

@ApiTags('verification')
@Controller('/api/v1/verify')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Get()
  @ApiRoute({
    summary: 'Verify an ID card or a diplomatic plate',
    description:
      'Give ?idCard= or ?plate=. Answers status (valid, expired, terminated, suspended, unknown), who, the mission, the immunity level and ' +
      "guidance in the words of the law-enforcement booklet; for a plate also the registration and insurance status (status is the registration's) " +
      "and, for a member's vehicle, ownerStatus. A card or plate nobody holds answers 200 with status unknown. Every verification is audited.",
    roles: ['law-enforcement', 'ofm-admin', 'ofm-officer'],
    type: VerificationView,
  })
  async verify(@Query() query: VerifyQuery, @CurrentActor() actor: Actor): Promise<VerificationView> {
    return this.verification.verify(verificationQuery(query), actor);
  }
}

export const verificationQuery = (q: VerifyQuery): VerificationQuery => {
  const idCard = q.idCard?.trim();
  const plate = q.plate?.trim();
  if (idCard && plate) throw validationFailed([{ field: 'plate', message: 'give either idCard or plate, not both' }]);
  if (idCard) return { kind: 'id-card', value: idCard };
  if (plate) return { kind: 'plate', value: plate.toUpperCase().replace(/\s+/g, '') };
  throw validationFailed([{ field: 'idCard', message: 'give idCard or plate' }]);
};
