import { COUNTRY_CODES } from '@ofm/kernel';
import { defaultProfile } from '@ofm/reciprocity';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Version 1 of every country's profile (ISO 3166-1 and XK): the documented default of @ofm/reciprocity,
// so no benefit decision ever lacks a profile. Later changes are new versions, never edits of these.
export class DefaultProfilesSeed1796135022100 implements MigrationInterface {
  name = 'DefaultProfilesSeed1796135022100';

  async up(q: QueryRunner): Promise<void> {
    const rows = [...COUNTRY_CODES].sort().map((country) => defaultProfile(country));
    await q.query(
      `INSERT INTO profile_version (country, version, effective_from, source, property_purchase, tax_relief,
         duty_free_entry, tax_free_vehicles_per_member, vehicle_disposition_surcharge, same_sex_spouse_accreditation,
         fuel_and_utility_exemption, consular_bilateral_agreement, travel_controls, travel_radius_miles,
         travel_lead_time_hours, travel_categories, engagement_notices, recorded_by)
       SELECT p.country, p.version, p.effective_from::date, p.source, p.property_purchase, p.tax_relief,
         p.duty_free_entry, p.tax_free_vehicles_per_member, p.vehicle_disposition_surcharge,
         p.same_sex_spouse_accreditation, p.fuel_and_utility_exemption, p.consular_bilateral_agreement,
         p.travel_controls, p.travel_radius_miles, p.travel_lead_time_hours,
         ARRAY(SELECT jsonb_array_elements_text(p.travel_categories)), p.engagement_notices, p.recorded_by
       FROM jsonb_to_recordset($1::jsonb) AS p(country text, version int, effective_from text, source text,
         property_purchase text, tax_relief text, duty_free_entry text, tax_free_vehicles_per_member int,
         vehicle_disposition_surcharge boolean, same_sex_spouse_accreditation text, fuel_and_utility_exemption boolean,
         consular_bilateral_agreement boolean, travel_controls text, travel_radius_miles int,
         travel_lead_time_hours int, travel_categories jsonb, engagement_notices boolean, recorded_by text)`,
      [
        JSON.stringify(
          rows.map((p) => ({
            country: p.country,
            version: p.version,
            effective_from: p.effectiveFrom,
            source: p.source,
            property_purchase: p.propertyPurchase,
            tax_relief: p.taxRelief,
            duty_free_entry: p.dutyFreeEntry,
            tax_free_vehicles_per_member: p.taxFreeVehiclesPerMember,
            vehicle_disposition_surcharge: p.vehicleDispositionSurcharge,
            same_sex_spouse_accreditation: p.sameSexSpouseAccreditation,
            fuel_and_utility_exemption: p.fuelAndUtilityExemption,
            consular_bilateral_agreement: p.consularBilateralAgreement,
            travel_controls: p.travelControls,
            travel_radius_miles: p.travelRadiusMiles,
            travel_lead_time_hours: p.travelLeadTimeHours,
            travel_categories: p.travelCategories,
            engagement_notices: p.engagementNotices,
            recorded_by: p.recordedBy,
          })),
        ),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM profile_version WHERE version = 1 AND agreement_id IS NULL`);
  }
}
