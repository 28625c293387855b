import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { ReceivedMessage } from '../bus/message-bus.port';

const toHeaderString = (value: IHeaders[string]): string | undefined => {
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
};

/** Kafka headers → our string record (kafkajs hands them over as Buffers). */
export const headersFromKafka = (headers: IHeaders | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const s = toHeaderString(value);
    if (s !== undefined) out[name] = s;
  }
  return out;
};

export const receivedFromKafka = (topic: string, partition: number, m: KafkaMessage): ReceivedMessage => ({
  topic,
  partition,
  offset: m.offset,
  timestamp: m.timestamp,
  key: m.key === null || m.key === undefined ? null : m.key.toString('utf8'),
  value: m.value ?? null,
  headers: headersFromKafka(m.headers),
});
