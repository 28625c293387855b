import { SERVICES, writtenServices } from '@ofm/registry';
import { EVENT_TYPES } from '../events';
import { TOPICS } from '../topics';
import { KNOWN_CONSUMERS, SHARED_TOPIC_PUBLISHERS } from './participants';

// The service registry (libs/registry) writes topic names out, since it sits below this lib: they
// must be topics of TOPICS, and agree with the event registry.
describe('the service registry against the topics and event types', () => {
  const topics = Object.values(TOPICS) as string[];

  it('names only topics of TOPICS', () => {
    for (const s of SERVICES) {
      for (const topic of [...s.publishes, ...s.consumes])
        expect({ service: s.name, topic, known: topics.includes(topic) }).toEqual({
          service: s.name,
          topic,
          known: true,
        });
    }
  });

  it('has each internal topic published by the service it is named after, when that service exists', () => {
    for (const topic of topics) {
      const domain = topic.split('.')[1]!;
      const owner = SERVICES.find((s) => s.name === domain);
      if (owner)
        expect({ topic, publishedBy: owner.publishes.includes(topic) ? owner.name : undefined }).toEqual({
          topic,
          publishedBy: domain,
        });
    }
  });

  it('lists the topic of every event type a written service publishes (gov.ofm.<service>.… or a shared one)', () => {
    for (const spec of Object.values(EVENT_TYPES)) {
      const named = spec.type.split('.')[2]!;
      const publishers = writtenServices()
        .filter((s) => s.publishes.includes(spec.topic))
        .map((s) => s.name);
      const expected = SHARED_TOPIC_PUBLISHERS[spec.topic] ?? [named];
      expect({ type: spec.type, publishers }).toEqual({ type: spec.type, publishers: expected });
    }
  });

  it('derives the shared publishers and the known consumers from it', () => {
    expect(SHARED_TOPIC_PUBLISHERS).toEqual({
      [TOPICS.complianceFlag]: ['accreditation', 'vehicles'],
      [TOPICS.partnerLawEnforcement]: ['accreditation', 'vehicles'],
      [TOPICS.partnerDmv]: ['vehicles'],
    });
    expect(KNOWN_CONSUMERS).toEqual([
      { service: 'accreditation', topics: [TOPICS.reciprocityProfile, TOPICS.vehicle] },
      { service: 'vehicles', topics: [TOPICS.member, TOPICS.mission, TOPICS.reciprocityProfile] },
      { service: 'insights', topics: [TOPICS.complianceFlag] },
    ]);
  });
});
