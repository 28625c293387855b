import type { ReceivedMessage } from '../bus/message-bus.port';
import { DLQ_HEADERS, deadLetterMessage, describeError } from './dead-letter';

const original: ReceivedMessage = {
  topic: 'ofm.accreditation.member.v1',
  partition: 2,
  offset: '41',
  timestamp: '1736936430123',
  key: 'member-1',
  value: Buffer.from('{"member":{}}'),
  headers: {
    ce_id: '3b241101-e2bb-4255-8caf-4136c566a962',
    ce_type: 'gov.ofm.accreditation.member.accredited.v1',
    traceparent: '00-x',
  },
};

describe('deadLetterMessage', () => {
  it('keeps key, value and every original header, and adds where and why it failed', () => {
    const failedAt = new Date('2025-01-15T10:20:30.123Z');
    expect(deadLetterMessage(original, new TypeError('cannot read member'), 'ofm.vehicles', failedAt)).toEqual({
      key: 'member-1',
      value: original.value,
      headers: {
        ...original.headers,
        [DLQ_HEADERS.error]: 'TypeError: cannot read member',
        [DLQ_HEADERS.originalTopic]: 'ofm.accreditation.member.v1',
        [DLQ_HEADERS.originalPartition]: '2',
        [DLQ_HEADERS.originalOffset]: '41',
        [DLQ_HEADERS.consumerGroup]: 'ofm.vehicles',
        [DLQ_HEADERS.failedAt]: '2025-01-15T10:20:30.123Z',
      },
    });
  });

  it('uses the header names of the operator tooling', () => {
    expect(Object.values(DLQ_HEADERS).sort()).toEqual([
      'ofm_dlq_consumer_group',
      'ofm_dlq_error',
      'ofm_dlq_failed_at',
      'ofm_dlq_original_offset',
      'ofm_dlq_original_partition',
      'ofm_dlq_original_topic',
    ]);
  });
});

describe('describeError', () => {
  it('names the error class and bounds the length of what goes into a header', () => {
    expect(describeError(new RangeError('too far'))).toBe('RangeError: too far');
    expect(describeError('plain')).toBe('plain');
    expect(describeError(new Error('x'.repeat(10_000))).length).toBeLessThanOrEqual(4001);
  });
});
