import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, type EventPayload } from '@ofm/contracts';
import type { DataSource } from 'typeorm';
import { publishEvent, type MessagingLogger } from '../../src';

export const TEST_SOURCE = '/ofm/messaging-test';

export const accredited = (memberId: string): EventPayload<'memberAccredited'> =>
  EVENT_TYPES.memberAccredited.fns.fromJSON({
    member: {
      id: memberId,
      pid: '1234567890',
      missionId: '0b7e9b9c-1f55-4f6c-8a49-7f5d0c3c2a11',
      givenName: 'Amélie',
      familyName: 'Dupont',
      nationality: 'FR',
      category: 'diplomatic-agent',
      status: 'accredited',
      immunityLevel: 'full',
      idCard: { number: 'D-000123', color: 'blue', expiresOn: '2027-09-01' },
      version: 2,
    },
  });

/** Writes `count` memberAccredited events to the outbox, `perTransaction` per transaction; returns their ids. */
export const writeEvents = async (
  ds: DataSource,
  count: number,
  { topic, perTransaction = 250, aggregates = 200 }: { topic: string; perTransaction?: number; aggregates?: number },
): Promise<string[]> => {
  const members = Array.from({ length: aggregates }, () => randomUUID());
  const ids: string[] = [];
  for (let done = 0; done < count; done += perTransaction) {
    const n = Math.min(perTransaction, count - done);
    await ds.transaction(async (em) => {
      for (let i = 0; i < n; i += 1) {
        const subject = members[(done + i) % aggregates]!;
        const { id } = await publishEvent(em, {
          type: EVENT_TYPES.memberAccredited,
          subject,
          data: accredited(subject),
          topic,
          source: TEST_SOURCE,
        });
        ids.push(id);
      }
    });
  }
  return ids;
};

/** Keeps warnings and errors for assertions and failure output instead of printing them. */
export const collectingLogger = (): MessagingLogger & { lines: string[] } => {
  const lines: string[] = [];
  const keep = (level: string) => (obj: object, msg?: string) =>
    void lines.push(`${level} ${msg ?? ''} ${JSON.stringify(obj)}`);
  return { lines, debug: () => undefined, info: () => undefined, warn: keep('warn'), error: keep('error') };
};
