import { flagCleared } from '@ofm/compliance';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, type vehicles } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { type ChangeToCommit } from '@ofm/messaging';
import { expectVersion, inCommand } from '@ofm/persistence';
import { notFound, ruleViolated, type Actor } from '@ofm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { clearedLapseFlag } from '../compliance/flag.factory';
import { nextRegistrationStatus } from '../vehicle/registration.rules';
import { visibleVehicle } from '../vehicle/vehicle-access';
import type { VehicleEntity } from '../vehicle/vehicle.entity';
import { toVehicleMessage, vehicleAuditState } from '../vehicle/vehicle.mapper';
import { updateVehicle } from '../vehicle/vehicle.repository';
import { assessPolicy, BINDER_MIN_DAYS, isInsured, type PolicyTerms } from './coverage.rules';
import { InsurancePolicyEntity } from './insurance-policy.entity';
import { policyTermsOf, toInsurancePolicyMessage } from './insurance-policy.mapper';
import { LIMIT_CURRENCY } from './money.rules';
import { commitVehicleChange } from '../partner/commit-with-partner-notices';

// Liability insurance of a vehicle. Requests reach these methods checked against their declared rules
// (vehicle.proto); what is decided here is the domain: mission scope (another mission's vehicle is
// not found), the coverage rules and the registration they activate.
@Injectable()
export class InsuranceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Records a policy as proof of insurance; a registration it makes insured today becomes active. */
  async addPolicy(
    actor: Actor,
    request: vehicles.AddInsurancePolicyRequest,
  ): Promise<vehicles.AddInsurancePolicyResponse> {
    const terms = policyTermsOf(request);
    return inCommand(this.dataSource, async (em) => {
      const vehicle = await visibleVehicle(em, actor, request.vehicleId);
      // If-Match on the vehicle: 0 = no check. The later update is conditional on this version too.
      expectVersion(vehicle.version, request.expectedVersion);
      if (vehicle.registrationStatus === 'disposed') {
        throw ruleViolated(
          'vehicle-disposed',
          `vehicle ${vehicle.id} is disposed; its registration cannot take insurance`,
        );
      }
      const today = this.clock.today();
      this.assess(vehicle, terms, today);
      const policy = await this.insertPolicy(em, vehicle.id, terms);
      const { updated, change } = await this.applyInsurance(em, actor, vehicle, today);
      const vehicleMessage = toVehicleMessage(updated);
      const policyMessage = toInsurancePolicyMessage(policy);
      await commitVehicleChange(em, {
        actor,
        action: 'insurance.recorded',
        entity: { type: 'insurance_policy', id: policy.id },
        before: null,
        after: { ...policyMessage },
        events: [
          {
            type: EVENT_TYPES.insuranceRecorded,
            subject: vehicle.id,
            data: { policy: policyMessage, vehicle: vehicleMessage },
          },
        ],
      });
      if (change) {
        const activated = vehicle.registrationStatus !== 'active' && updated.registrationStatus === 'active';
        const cleared =
          vehicle.lapseFlagId && !updated.lapseFlagId
            ? clearedLapseFlag(vehicle, vehicle.lapseFlagId, this.clock.now())
            : undefined;
        await commitVehicleChange(em, {
          ...change,
          events: [
            ...(activated
              ? [{ type: EVENT_TYPES.registrationActivated, subject: vehicle.id, data: { vehicle: vehicleMessage } }]
              : []),
            ...(cleared ? [flagCleared(cleared, 'insurance recorded')] : []),
          ],
        });
      }
      return { policy: policyMessage, vehicle: vehicleMessage };
    });
  }

  async listPolicies(actor: Actor, vehicleId: string): Promise<vehicles.InsurancePolicy[]> {
    const em = this.dataSource.manager;
    await visibleVehicle(em, actor, vehicleId);
    const policies = await em.find(InsurancePolicyEntity, {
      where: { vehicleId },
      order: { effectiveDate: 'ASC', createdAt: 'ASC' },
    });
    return policies.map(toInsurancePolicyMessage);
  }

  /** One policy of a vehicle: not found when the vehicle is not visible or the policy is another vehicle's. */
  async getPolicy(actor: Actor, vehicleId: string, policyId: string): Promise<vehicles.InsurancePolicy> {
    const em = this.dataSource.manager;
    await visibleVehicle(em, actor, vehicleId);
    const policy = await em.findOneBy(InsurancePolicyEntity, { id: policyId, vehicleId });
    if (!policy) throw notFound('insurance policy', policyId);
    return toInsurancePolicyMessage(policy);
  }

  private assess(vehicle: VehicleEntity, terms: PolicyTerms, today: string): void {
    const assessment = assessPolicy(vehicle.kind, terms, today);
    switch (assessment.outcome) {
      case 'acceptable':
        return;
      case 'invalid':
        throw ruleViolated('insurance-terms', 'The policy breaks a rule of its terms', assessment.errors);
      case 'below-minimum':
        throw ruleViolated(
          'insurance-minimum',
          `The policy is below the minimum liability insurance for a ${vehicle.kind}: ${assessment.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
          assessment.errors,
        );
      case 'binder-too-short':
        throw ruleViolated(
          'insurance-binder-duration',
          `A binder is accepted as proof of insurance only when it runs for at least ${BINDER_MIN_DAYS} days`,
          assessment.errors,
        );
      case 'expired':
        throw ruleViolated(
          'insurance-expired',
          `The policy expired on ${terms.expirationDate}; insurance is required at all times`,
          [{ field: 'expirationDate', message: `must be after today (${today})` }],
        );
    }
  }

  private async insertPolicy(em: EntityManager, vehicleId: string, terms: PolicyTerms): Promise<InsurancePolicyEntity> {
    // The entity carries the request's names; only the limits change form (money → amount, currency).
    const { combinedSingleLimit, bodilyInjuryPerPerson, bodilyInjuryPerAccident, propertyDamage, ...text } = terms;
    const policy = em.create(InsurancePolicyEntity, {
      ...text,
      id: randomUUID(),
      vehicleId,
      combinedSingleLimit: combinedSingleLimit?.amount,
      bodilyInjuryPerPerson: bodilyInjuryPerPerson?.amount,
      bodilyInjuryPerAccident: bodilyInjuryPerAccident?.amount,
      propertyDamage: propertyDamage?.amount,
      currency: LIMIT_CURRENCY,
    });
    await em.insert(InsurancePolicyEntity, policy);
    // Read back so amounts come as PostgreSQL normalised them ("300000" → "300000.00").
    return em.findOneByOrFail(InsurancePolicyEntity, { id: policy.id });
  }

  // With the new policy, is the vehicle insured today? Then the registration moves on (pending or
  // suspended → active) and an open lapse flag closes. A policy starting later changes nothing yet.
  // The vehicle's change is answered, not yet committed: its audit and events follow the policy's.
  private async applyInsurance(
    em: EntityManager,
    actor: Actor,
    vehicle: VehicleEntity,
    today: string,
  ): Promise<{ updated: VehicleEntity; change?: Omit<ChangeToCommit, 'events'> }> {
    const policies = await em.find(InsurancePolicyEntity, { where: { vehicleId: vehicle.id } });
    if (!isInsured(policies, today)) return { updated: vehicle };
    const status =
      nextRegistrationStatus(vehicle.registrationStatus, 'insurance-recorded') ?? vehicle.registrationStatus;
    if (status === vehicle.registrationStatus && vehicle.insuranceStatus === 'insured' && !vehicle.lapseFlagId)
      return { updated: vehicle };
    const updated = await updateVehicle(em, vehicle, {
      registrationStatus: status,
      insuranceStatus: 'insured',
      lapseFlagId: null,
    });
    return {
      updated,
      change: {
        actor,
        action: status !== vehicle.registrationStatus ? 'registration.activated' : 'vehicle.insured',
        entity: { type: 'vehicle', id: vehicle.id },
        before: vehicleAuditState(vehicle),
        after: vehicleAuditState(updated),
      },
    };
  }
}
