import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { insuranceFeeds } from '@ofm/contracts';
import { validationFailed, type Actor } from '@ofm/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream, type InsuranceFeedClient } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { answer } from '../http/respond';
import { OFFICERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';

export const INSURANCE_FEEDS_PATH = '/api/v1/insurance-feeds';
const FEED = 'ofm.vehicles.v1.InsuranceFeed';
// The route's own body limit, deliberately above HTTP_CSV_BODY_LIMIT_BYTES (8 MiB): a feed of
// 100,000 rows is ~12 MiB, and 32 MiB leaves room for ~250,000. The body is streamed, never held.
export const INSURANCE_FEED_BODY_LIMIT = 32 * 1024 * 1024;
// Chunks sent to vehicles: 512 Ki characters (at most 2 MiB of UTF-8, under gRPC's 4 MiB messages).
export const FEED_CHUNK_CHARACTERS = 512 * 1024;
// Who reads a feed's progress: those who send it, and auditors.
const FEED_READERS: typeof OFFICERS = [...OFFICERS, 'auditor'];

// Insurer feeds (docs/domain/insurer-feeds.md). CONTRACT.md has no insurer role: OFM officers and
// admins submit the CSV insurers send them.
@Controller(INSURANCE_FEEDS_PATH)
export class InsuranceFeedsController {
  constructor(private readonly downstream: Downstream) {}

  @Post()
  @HttpCode(202)
  @ApiRoute({
    tag: 'insurance',
    summary: 'Submit an insurer feed (CSV)',
    description:
      'text/csv with a header row: action (issue, renew, cancel), insurer, policyNumber, vin, effectiveDate, ' +
      'expirationDate, combinedSingleLimit, bodilyInjuryPerPerson, bodilyInjuryPerAccident, propertyDamage (dollars, ' +
      'e.g. 300000.00; empty where not used). Applied in the background: GET the feed for its progress and its ' +
      'refused rows (line numbers count the header as line 1). The same file sent again answers the same feed ' +
      'and changes nothing. At most 32 MiB.',
    roles: OFFICERS,
    // The body is the CSV itself; the request message (empty) only opens the upload.
    request: { message: 'ofm.vehicles.v1.BeginInsuranceFeedRequest' },
    csv: true,
    bodyLimit: INSURANCE_FEED_BODY_LIMIT,
    answer: { message: FEED },
    status: 202,
    problems: [404, 422],
  })
  async submit(
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = request.body as Readable | undefined;
    if (!body) throw validationFailed([{ field: 'body', message: 'an insurer feed needs a CSV body' }]);
    const { feed } = await sendFeed(this.downstream.insuranceFeeds, body, actor);
    reply.header('location', `${INSURANCE_FEEDS_PATH}/${feed!.id}`);
    return answer(FEED, feed);
  }

  @Get(':id')
  @ApiRoute({
    tag: 'insurance',
    summary: "An insurer feed's progress",
    description: 'status (pending, running, done), rowsApplied, rowsRefused, and errors: the first 1000 refused rows.',
    roles: FEED_READERS,
    request: { message: 'ofm.vehicles.v1.GetInsuranceFeedRequest', path: { id: 'id' } },
    answer: { message: FEED },
    problems: [404],
  })
  async get(@RpcRequest() request: insuranceFeeds.GetInsuranceFeedRequest, @CurrentActor() actor: Actor) {
    const { feed } = await this.downstream.insuranceFeeds.getInsuranceFeed(request, callAs(actor));
    return answer(FEED, feed);
  }
}

// The body, as it arrives, decoded as UTF-8 (a character split between two network chunks is
// kept whole) and appended to an upload in chunks of FEED_CHUNK_CHARACTERS, then committed: the
// gateway holds one chunk at a time.
const sendFeed = async (
  client: InsuranceFeedClient,
  body: Readable,
  actor: Actor,
): Promise<insuranceFeeds.CommitInsuranceFeedResponse> => {
  const { uploadId } = await client.beginInsuranceFeed({}, callAs(actor));
  const decoder = new StringDecoder('utf8');
  let seq = 0;
  let pending = '';
  const append = async (data: string) => {
    await client.appendInsuranceFeedChunk({ uploadId, seq: seq++, data }, callAs(actor));
  };
  for await (const bytes of body as AsyncIterable<Buffer>) {
    pending += decoder.write(bytes);
    while (pending.length >= FEED_CHUNK_CHARACTERS) {
      await append(pending.slice(0, FEED_CHUNK_CHARACTERS));
      pending = pending.slice(FEED_CHUNK_CHARACTERS);
    }
  }
  pending += decoder.end();
  if (pending.length > 0) await append(pending);
  if (seq === 0) throw validationFailed([{ field: 'body', message: 'an insurer feed needs a CSV body' }]);
  return client.commitInsuranceFeed({ uploadId, chunks: seq }, callAs(actor));
};
