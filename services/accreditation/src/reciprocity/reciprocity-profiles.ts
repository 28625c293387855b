import { Injectable } from '@nestjs/common';
import type { reciprocity } from '@ofm/contracts';
import { profileInForce } from '@ofm/replicas';
import { DataSource, type EntityManager } from 'typeorm';

// The sending countries' reciprocity profiles as this service replicates them (@ofm/replicas), for
// the decisions that depend on reciprocity: a same-sex spouse's accreditation, consular immunity by
// bilateral agreement, travel controls. Never fails for a valid country: the documented default
// stands in until reciprocity publishes a version.
@Injectable()
export class ReciprocityProfiles {
  constructor(private readonly ds: DataSource) {}

  /** The version in force on `day` (ISO); inside a command, pass its manager so the read is in its transaction. */
  inForce(country: string, day: string, manager?: EntityManager): Promise<reciprocity.ReciprocityProfile> {
    return profileInForce(manager ?? this.ds.manager, country.toUpperCase(), day);
  }
}
