import { Controller, Get } from '@nestjs/common';
import type { vehicles } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { page } from '../http/respond';
import { READERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';

export const INSURANCE_REMINDERS_PATH = '/api/v1/insurance-reminders';
const REMINDER = 'ofm.vehicles.v1.InsuranceReminder';

// Policies about to end, so missions renew before a lapse suspends their registrations.
@Controller(INSURANCE_REMINDERS_PATH)
export class InsuranceRemindersController {
  constructor(private readonly downstream: Downstream) {}

  @Get()
  @ApiRoute({
    tag: 'vehicles',
    summary: 'Insurance policies ending within 30 days',
    description:
      'Policies whose cover (expiration or cancellation) ends within 30 days and that no later policy continues, ' +
      'soonest first. OFM sees every mission (missionId narrows it); a mission user only its own.',
    roles: READERS,
    request: { message: 'ofm.vehicles.v1.ListInsuranceRemindersRequest', query: true },
    answer: { message: REMINDER, page: true },
    problems: [403, 422],
  })
  async list(@RpcRequest() request: vehicles.ListInsuranceRemindersRequest, @CurrentActor() actor: Actor) {
    const { reminders } = await this.downstream.vehicles.listInsuranceReminders(request, callAs(actor));
    return page(REMINDER, reminders, undefined);
  }
}
