import { Injectable } from '@nestjs/common';
import type { ConsumerSpec } from '@ofm/messaging';
import { reciprocityProfileReplicaConsumer } from '@ofm/replicas';

// The replica of reciprocity's country profiles (group ofm.vehicles), fed by profile.updated: the
// tax-free vehicles a member may hold and the disposition surcharge are read from it on the day they
// are decided, so a new version needs no effect of its own here.
@Injectable()
export class ReciprocityReplicaHandlers {
  consumer(): ConsumerSpec {
    return reciprocityProfileReplicaConsumer();
  }
}
