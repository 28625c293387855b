export {
  buildAsyncApiDocument,
  parseEventType,
  publishersOf,
  ASYNCAPI_VERSION,
  DEAD_LETTER_CHANNEL,
  LOCAL_KAFKA_SERVER,
  type AsyncApiDocument,
  type AsyncApiChannel,
  type AsyncApiMessage,
  type AsyncApiOperation,
  type EventTypeName,
} from './asyncapi.document';
export { DEAD_LETTER_HEADERS } from './headers';
export {
  PARTNER_TOPICS,
  SHARED_TOPIC_PUBLISHERS,
  KNOWN_CONSUMERS,
  isPartnerTopic,
  type PartnerTopic,
  type KnownConsumer,
} from './participants';
