import { Injectable } from '@nestjs/common';
import type { ConsumerSpec } from '@ofm/messaging';
import { reciprocityProfileReplicaConsumer } from '@ofm/replicas';
import { ConsularImmunityReview } from './consular-immunity.review';

// The replica of reciprocity's country profiles (group ofm.accreditation), fed by profile.updated,
// with this service's own effect of a new version: consular staff's immunity re-decided.
@Injectable()
export class ReciprocityReplicaHandlers {
  constructor(private readonly consularImmunity: ConsularImmunityReview) {}

  consumer(): ConsumerSpec {
    return reciprocityProfileReplicaConsumer({
      onProfileUpdated: (em, profile) => this.consularImmunity.profileUpdated(em, profile),
    });
  }
}
