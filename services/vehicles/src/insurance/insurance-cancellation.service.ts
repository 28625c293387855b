import { Inject, Injectable } from '@nestjs/common';
import type { vehicles } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { expectVersion, inCommand } from '@ofm/persistence';
import { notFound, ruleViolated, type Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import type { VehiclesConfig } from '../config';
import { VEHICLES_CONFIG } from '../shared/tokens';
import { visibleVehicle } from '../vehicle/vehicle-access';
import { VehicleEntity } from '../vehicle/vehicle.entity';
import { toVehicleMessage } from '../vehicle/vehicle.mapper';
import { judgeCoverage } from './coverage-judgement';
import { InsurancePolicyEntity } from './insurance-policy.entity';
import { toInsurancePolicyMessage } from './insurance-policy.mapper';
import { commitVehicleChange } from '../partner/commit-with-partner-notices';

// A policy's cancellation is a boundary like its end: the registration is judged in the same
// transaction (suspended at once when nothing else covers today), or by the sweep when the
// cancellation takes effect later.
@Injectable()
export class InsuranceCancellationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(VEHICLES_CONFIG) private readonly config: VehiclesConfig,
  ) {}

  async cancel(
    actor: Actor,
    request: vehicles.CancelInsurancePolicyRequest,
  ): Promise<vehicles.CancelInsurancePolicyResponse> {
    const today = this.clock.today();
    const cancelledOn = request.cancelledOn || today;
    return inCommand(this.dataSource, async (em) => {
      const vehicle = await visibleVehicle(em, actor, request.vehicleId);
      expectVersion(vehicle.version, request.expectedVersion);
      const policy = await em.findOneBy(InsurancePolicyEntity, { id: request.policyId, vehicleId: vehicle.id });
      if (!policy) throw notFound('insurance policy', request.policyId);
      if (policy.cancelledOn) {
        throw ruleViolated('insurance-already-cancelled', `policy ${policy.id} was cancelled on ${policy.cancelledOn}`);
      }
      if (cancelledOn >= policy.expirationDate) {
        throw ruleViolated(
          'insurance-cancellation-after-expiration',
          `policy ${policy.id} expires on ${policy.expirationDate}; a cancellation must take effect before that`,
          [{ field: 'cancelledOn', message: `must be before expirationDate (${policy.expirationDate})` }],
        );
      }
      const before = toInsurancePolicyMessage(policy);
      await em.update(InsurancePolicyEntity, { id: policy.id }, { cancelledOn, cancellationReason: request.reason });
      const cancelled = await em.findOneByOrFail(InsurancePolicyEntity, { id: policy.id });
      const after = toInsurancePolicyMessage(cancelled);
      await commitVehicleChange(em, {
        actor,
        action: 'insurance.cancelled',
        entity: { type: 'insurance_policy', id: policy.id },
        before: { ...before },
        after: { ...after },
        reason: request.reason,
        events: [],
      });
      const policies = await em.find(InsurancePolicyEntity, { where: { vehicleId: vehicle.id } });
      await judgeCoverage(
        em,
        { actor, on: today, now: this.clock.now(), graceDays: this.config.INSURANCE_LAPSE_GRACE_DAYS },
        vehicle,
        policies,
      );
      const now = await em.findOneByOrFail(VehicleEntity, { id: vehicle.id });
      return { policy: after, vehicle: toVehicleMessage(now) };
    });
  }
}
