import type { IsoDate } from '../shared/calendar.util';
import type { MemberStatus } from './member.model';

// What the law-enforcement verification answers about a card (CONTRACT.md statuses; `suspended`
// belongs to vehicle registrations and `unknown` to a number nobody holds).
export type CardStatus = 'valid' | 'expired' | 'terminated' | 'unknown';

export const cardStatus = (
  member: { status: MemberStatus; idCardExpiresOn?: IsoDate | null },
  today: IsoDate,
): CardStatus => {
  if (member.status === 'terminated') return 'terminated';
  if (member.status !== 'accredited' || !member.idCardExpiresOn) return 'unknown';
  return member.idCardExpiresOn < today ? 'expired' : 'valid';
};
