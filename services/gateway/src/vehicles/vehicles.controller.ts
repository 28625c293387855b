import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { notFound, type Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { assertVisible, isMissionScoped, scopedMissionFilter } from '../auth/mission-scope';
import { Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { expectedVersionFrom } from '../http/etag';
import { pageRequest, toPage, type Page } from '../http/page.dto';
import { created, must, withEtag } from '../http/respond';
import { UuidPipe } from '../http/uuid.pipe';
import {
  InsurancePolicyDto,
  InsurancePolicyPage,
  InsurancePolicyRecordedView,
  InsurancePolicyView,
  ListVehiclesQuery,
  RegisterVehicleDto,
  VehiclePage,
  VehicleView,
} from './vehicle.dto';
import { toInsurancePolicyView, toVehicleView } from './vehicle.mapper';

export const VEHICLES_PATH = '/api/v1/vehicles';

const READERS = ['ofm-admin', 'ofm-officer', 'auditor', 'mission-user'] as const;
// Missions register their vehicles and file proof of insurance themselves ("may submit requests").
const WRITERS = ['ofm-admin', 'ofm-officer', 'mission-user'] as const;

@ApiTags('vehicles')
@Controller(VEHICLES_PATH)
export class VehiclesController {
  constructor(private readonly downstream: Downstream) {}

  @Post()
  @HttpCode(201)
  @ApiRoute({
    summary: 'Register a vehicle',
    description: 'Owner: ownerMemberId or ownerMissionId. A mission user registers only for its own mission.',
    roles: [...WRITERS],
    status: 201,
    type: VehicleView,
    problems: [404, 409, 422],
    idempotent: true,
  })
  async register(
    @Body() body: RegisterVehicleDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VehicleView> {
    await this.assertOwnerVisible(actor, body);
    const { vehicle } = await this.downstream.vehicles.registerVehicle(
      {
        ownerMemberId: body.ownerMemberId ?? '',
        ownerMissionId: body.ownerMissionId ?? '',
        vin: body.vin,
        make: body.make,
        model: body.model,
        year: body.year,
        kind: body.kind,
      },
      actor,
    );
    return created(reply, VEHICLES_PATH, toVehicleView(must(vehicle, 'vehicle')));
  }

  @Get()
  @ApiRoute({
    summary: 'List vehicles',
    description: 'Filters: missionId, ownerMemberId, status (registration). A mission user sees only its own mission.',
    roles: [...READERS],
    type: VehiclePage,
    problems: [404],
  })
  async list(@Query() query: ListVehiclesQuery, @CurrentActor() actor: Actor): Promise<Page<VehicleView>> {
    const answer = await this.downstream.vehicles.listVehicles(
      {
        page: pageRequest(query),
        missionId: scopedMissionFilter(actor, query.missionId) ?? '',
        ownerMemberId: query.ownerMemberId ?? '',
        status: query.status ?? '',
      },
      actor,
    );
    return toPage(answer.vehicles, answer.nextCursor, toVehicleView);
  }

  @Get(':id')
  @ApiRoute({ summary: 'One vehicle with its registration', roles: [...READERS], type: VehicleView, problems: [404] })
  async get(
    @Param('id', UuidPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VehicleView> {
    return withEtag(reply, await this.visibleVehicle(id, actor));
  }

  @Post(':id/insurance')
  @HttpCode(201)
  @ApiRoute({
    summary: 'Record a liability insurance policy',
    description:
      'Either combinedSingleLimit or the three split limits; below the minimum for the kind answers 422 naming the limit. ' +
      'Optional proofType: binder (at least 30 days, else 422 rule insurance-binder-duration), certificate, declarations-page. ' +
      "If-Match: the vehicle's ETag (409 when it moved).",
    roles: [...WRITERS],
    status: 201,
    type: InsurancePolicyRecordedView,
    problems: [404, 409, 422],
    idempotent: true,
    ifMatch: true,
  })
  async addInsurance(
    @Param('id', UuidPipe) id: string,
    @Body() body: InsurancePolicyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InsurancePolicyRecordedView> {
    if (isMissionScoped(actor)) await this.visibleVehicle(id, actor);
    const answer = await this.downstream.vehicles.addInsurancePolicy(
      {
        vehicleId: id,
        insurer: body.insurer,
        policyNumber: body.policyNumber,
        effectiveDate: body.effectiveDate,
        expirationDate: body.expirationDate,
        ...(body.combinedSingleLimit ? { combinedSingleLimit: { ...body.combinedSingleLimit } } : {}),
        ...(body.bodilyInjuryPerPerson ? { bodilyInjuryPerPerson: { ...body.bodilyInjuryPerPerson } } : {}),
        ...(body.bodilyInjuryPerAccident ? { bodilyInjuryPerAccident: { ...body.bodilyInjuryPerAccident } } : {}),
        ...(body.propertyDamage ? { propertyDamage: { ...body.propertyDamage } } : {}),
        proofType: body.proofType ?? '',
        expectedVersion: expectedVersionFrom(ifMatch),
      },
      actor,
    );
    const vehicle = toVehicleView(must(answer.vehicle, 'vehicle'));
    return created(reply, `${VEHICLES_PATH}/${id}/insurance`, {
      ...toInsurancePolicyView(must(answer.policy, 'policy')),
      vehicle,
    });
  }

  @Get(':id/insurance')
  @ApiRoute({
    summary: "A vehicle's liability insurance policies",
    roles: [...READERS],
    type: InsurancePolicyPage,
    problems: [404],
  })
  async listInsurance(
    @Param('id', UuidPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<Page<InsurancePolicyView>> {
    if (isMissionScoped(actor)) await this.visibleVehicle(id, actor);
    const { policies } = await this.downstream.vehicles.listInsurancePolicies({ vehicleId: id }, actor);
    return toPage(policies, null, toInsurancePolicyView);
  }

  @Get(':id/insurance/:policyId')
  @ApiRoute({
    summary: 'One insurance policy of a vehicle',
    roles: [...READERS],
    type: InsurancePolicyView,
    problems: [404],
  })
  async getInsurance(
    @Param('id', UuidPipe) id: string,
    @Param('policyId', UuidPipe) policyId: string,
    @CurrentActor() actor: Actor,
  ): Promise<InsurancePolicyView> {
    if (isMissionScoped(actor)) await this.visibleVehicle(id, actor);
    const { policies } = await this.downstream.vehicles.listInsurancePolicies({ vehicleId: id }, actor);
    const policy = (policies ?? []).find((p) => p.id === policyId);
    if (!policy) throw notFound('insurance policy', policyId);
    return toInsurancePolicyView(policy);
  }

  private async visibleVehicle(id: string, actor: Actor): Promise<VehicleView> {
    const { vehicle } = await this.downstream.vehicles.getVehicle({ id }, actor);
    const view = toVehicleView(must(vehicle, 'vehicle'));
    assertVisible(actor, view.missionId, 'vehicle', id);
    return view;
  }

  // A mission user's vehicle must belong to its own mission, directly or through its owner.
  private async assertOwnerVisible(actor: Actor, body: RegisterVehicleDto): Promise<void> {
    if (!isMissionScoped(actor)) return;
    if (body.ownerMissionId !== undefined) {
      assertVisible(actor, body.ownerMissionId, 'mission', body.ownerMissionId);
      return;
    }
    if (body.ownerMemberId !== undefined) {
      const { member } = await this.downstream.members.getMember({ id: body.ownerMemberId }, actor);
      assertVisible(actor, must(member, 'member').missionId, 'member', body.ownerMemberId);
    }
  }
}
