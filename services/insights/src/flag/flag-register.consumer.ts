import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, TOPICS, type compliance } from '@ofm/contracts';
import { onEvent, type CloudEvent, type ConsumerSpec } from '@ofm/messaging';
import type { EntityManager } from 'typeorm';
import { FlagEntity } from './flag.entity';
import { afterCleared, afterRaised, type FlagRow } from './flag-register.rules';

type Decision = { ok: true; row: FlagRow } | { ok: false; problem: string };

// The register fed by ofm.compliance.flag.v1 (group ofm.insights). Each handler runs in the
// transaction that records the event in the inbox, so a redelivered event changes nothing twice; the
// row is read FOR UPDATE so two events of one flag never interleave.
@Injectable()
export class FlagRegisterConsumer {
  consumer(): ConsumerSpec {
    return {
      topics: [TOPICS.complianceFlag],
      handlers: {
        ...onEvent(EVENT_TYPES.flagRaised, (event, em) =>
          this.fold(em, event, (current, flag) => afterRaised(current, flag)),
        ),
        ...onEvent(EVENT_TYPES.flagCleared, (event, em) =>
          this.fold(em, event, (current, flag) => afterCleared(current, flag, event.data.reason, new Date(event.time))),
        ),
      },
    };
  }

  private async fold(
    em: EntityManager,
    event: CloudEvent<{ flag?: compliance.Flag }>,
    decide: (current: FlagRow | undefined, flag: compliance.Flag) => Decision,
  ): Promise<void> {
    const flag = event.data.flag;
    // A flag the register cannot store is dead-lettered, named, rather than dropped.
    if (!flag?.id) throw new Error(`event ${event.id}: ${event.type} without a flag`);
    const current = await em.findOne(FlagEntity, { where: { id: flag.id }, lock: { mode: 'pessimistic_write' } });
    const decision = decide(current ?? undefined, flag);
    if (!decision.ok) throw new Error(`event ${event.id}: ${decision.problem}`);
    if (decision.row === current) return;
    await em.save(FlagEntity, decision.row);
  }
}
