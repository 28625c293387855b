import { Controller, Get, HttpCode, Put, Res, UseInterceptors } from '@nestjs/common';
import type { reciprocity } from '@ofm/contracts';
import { validationFailed, type Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { answer, withEtag } from '../http/respond';
import { READERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';
import { profileWrite } from './profile-body.interceptor';
import { ADMINS } from './roles';

const PROFILE = 'ofm.reciprocity.v1.ReciprocityProfile';
const MEASURES = 'ofm.reciprocity.v1.Measures';
const HISTORY = 'ofm.reciprocity.v1.ListProfileHistoryResponse';

// Country reciprocity profiles. Not secret: every OFM role and mission users read them; law
// enforcement has no use for them. Only OFM admins record a new version.
@Controller('/api/v1')
export class ReciprocityController {
  constructor(private readonly downstream: Downstream) {}

  @Get('countries/:iso2/reciprocity')
  @ApiRoute({
    tag: 'reciprocity',
    summary: "A country's reciprocity profile",
    description: 'The version in force today in New York, or on `asOf`. Its `version` is the ETag.',
    roles: READERS,
    request: { message: 'ofm.reciprocity.v1.GetProfileRequest', path: { iso2: 'country' }, query: true },
    answer: { message: PROFILE },
    problems: [404],
  })
  async get(
    @RpcRequest() request: reciprocity.GetProfileRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { profile } = await this.downstream.reciprocity.getProfile(request, callAs(actor));
    return withEtag(reply, answer(PROFILE, profile));
  }

  @Put('countries/:iso2/reciprocity')
  @HttpCode(200)
  @UseInterceptors(profileWrite('profile'))
  @ApiRoute({
    tag: 'reciprocity',
    summary: "Record a new version of a country's profile",
    description:
      'The body is the profile as GET answers it (version, recordedBy, recordedAt and agreementId are ' +
      'ignored); its `country` must be the path’s. `If-Match` (required, 428 without) is the latest version: ' +
      '409 if another was recorded since. `effectiveFrom` may be in the future. A body that changes nothing ' +
      'answers the latest version unchanged and records nothing. Only OFM admins.',
    roles: ADMINS,
    request: {
      message: 'ofm.reciprocity.v1.UpdateProfileRequest',
      path: { iso2: 'country' },
      ifMatch: 'expectedVersion',
      body: 'profile',
    },
    answer: { message: PROFILE },
    problems: [404, 409, 422, 428],
  })
  async update(
    @RpcRequest() request: reciprocity.UpdateProfileRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (request.expectedVersion === 0) {
      throw validationFailed([{ field: 'If-Match', message: 'If-Match must name a version, e.g. "1", not *' }]);
    }
    const { profile } = await this.downstream.reciprocity.updateProfile(request, callAs(actor));
    return withEtag(reply, answer(PROFILE, profile));
  }

  @Get('countries/:iso2/reciprocity/history')
  @ApiRoute({
    tag: 'reciprocity',
    summary: "Every version of a country's profile, newest first",
    roles: READERS,
    request: { message: 'ofm.reciprocity.v1.ListProfileHistoryRequest', path: { iso2: 'country' } },
    // Every version at once (a country has a handful), so not a page.
    answer: { message: HISTORY },
    problems: [404],
  })
  async history(@RpcRequest() request: reciprocity.ListProfileHistoryRequest, @CurrentActor() actor: Actor) {
    const { profiles } = await this.downstream.reciprocity.listProfileHistory(request, callAs(actor));
    return answer(HISTORY, { profiles });
  }

  @Get('reciprocity/measures')
  @ApiRoute({
    tag: 'reciprocity',
    summary: 'How many countries grant each benefit to U.S. missions',
    description: "Counts over every country's version in force on `asOf` (today when absent); bureau objective 1.4.",
    roles: READERS,
    request: { message: 'ofm.reciprocity.v1.GetMeasuresRequest', query: true },
    answer: { message: MEASURES },
    problems: [],
  })
  async measures(@RpcRequest() request: reciprocity.GetMeasuresRequest, @CurrentActor() actor: Actor) {
    const { measures } = await this.downstream.reciprocity.getMeasures(request, callAs(actor));
    return answer(MEASURES, measures);
  }
}
