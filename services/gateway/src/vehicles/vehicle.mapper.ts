import type { common, vehicles } from '@ofm/contracts';
import { orNull } from '../http/values';
import type { InsurancePolicyView, MoneyDto, VehicleView } from './vehicle.dto';

export const toVehicleView = (v: vehicles.Vehicle): VehicleView => ({
  id: v.id,
  ownerMemberId: orNull(v.ownerMemberId),
  ownerMissionId: orNull(v.ownerMissionId),
  missionId: v.missionId,
  vin: v.vin,
  make: v.make,
  model: v.model,
  year: v.year,
  kind: v.kind,
  plate: orNull(v.plate),
  registration: {
    status: v.registration?.status ?? '',
    expiresOn: orNull(v.registration?.expiresOn),
    registeredOn: orNull(v.registration?.registeredOn),
  },
  insuranceStatus: v.insuranceStatus,
  version: v.version,
  createdAt: v.createdAt,
  updatedAt: v.updatedAt,
});

const money = (m: common.Money | null | undefined): MoneyDto | null =>
  m && m.amount ? { amount: m.amount, currency: m.currency } : null;

export const toInsurancePolicyView = (p: vehicles.InsurancePolicy): InsurancePolicyView => ({
  id: p.id,
  vehicleId: p.vehicleId,
  insurer: p.insurer,
  policyNumber: p.policyNumber,
  effectiveDate: p.effectiveDate,
  expirationDate: p.expirationDate,
  combinedSingleLimit: money(p.combinedSingleLimit),
  bodilyInjuryPerPerson: money(p.bodilyInjuryPerPerson),
  bodilyInjuryPerAccident: money(p.bodilyInjuryPerAccident),
  propertyDamage: money(p.propertyDamage),
  proofType: orNull(p.proofType),
  createdAt: p.createdAt,
});
