import { Controller, HttpCode, Post } from '@nestjs/common';
import type { vehicles } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { answer } from '../http/respond';
import { SUBMITTERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';
import { VEHICLES_PATH } from './vehicles.controller';

const VEHICLE = 'ofm.vehicles.v1.Vehicle';
const POLICY = 'ofm.vehicles.v1.InsurancePolicy';

// A policy's cancellation: a boundary of coverage like its end (docs/domain/insurance.md).
@Controller(VEHICLES_PATH)
export class InsuranceCancellationController {
  constructor(private readonly downstream: Downstream) {}

  @Post(':id/insurance/:policyId/cancellation')
  @HttpCode(200)
  @ApiRoute({
    tag: 'vehicles',
    summary: 'Cancel an insurance policy',
    description:
      'The cover ends at the start of cancelledOn (today when absent); when nothing else covers today the registration ' +
      'is suspended at once, a later cancellation takes effect at its day. 422 insurance-already-cancelled, ' +
      "insurance-cancellation-after-expiration. If-Match: the vehicle's ETag.",
    roles: SUBMITTERS,
    request: {
      message: 'ofm.vehicles.v1.CancelInsurancePolicyRequest',
      path: { id: 'vehicleId', policyId: 'policyId' },
      ifMatch: 'expectedVersion',
    },
    answer: { message: POLICY, with: { vehicle: VEHICLE } },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async cancel(@RpcRequest() request: vehicles.CancelInsurancePolicyRequest, @CurrentActor() actor: Actor) {
    const { policy, vehicle } = await this.downstream.vehicles.cancelInsurancePolicy(request, callAs(actor));
    return { ...answer(POLICY, policy), vehicle: answer(VEHICLE, vehicle) };
  }
}
