import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { vehicles } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { answer, created, page, withEtag } from '../http/respond';
import { OFFICERS, READERS, SUBMITTERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';

export const VEHICLES_PATH = '/api/v1/vehicles';
const VEHICLE = 'ofm.vehicles.v1.Vehicle';
const POLICY = 'ofm.vehicles.v1.InsurancePolicy';

@Controller(VEHICLES_PATH)
export class VehiclesController {
  constructor(private readonly downstream: Downstream) {}

  @Post()
  @HttpCode(201)
  @ApiRoute({
    tag: 'vehicles',
    summary: 'Register a vehicle',
    description: 'Owner: ownerMemberId or ownerMissionId. A mission user registers only for its own mission.',
    roles: SUBMITTERS,
    request: { message: 'ofm.vehicles.v1.RegisterVehicleRequest' },
    answer: { message: VEHICLE },
    status: 201,
    problems: [404, 409, 422],
    idempotent: true,
  })
  async register(
    @RpcRequest() request: vehicles.RegisterVehicleRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { vehicle } = await this.downstream.vehicles.registerVehicle(request, callAs(actor));
    return created(reply, VEHICLES_PATH, answer(VEHICLE, vehicle));
  }

  @Get()
  @ApiRoute({
    tag: 'vehicles',
    summary: 'List vehicles',
    description: 'Filters: missionId, ownerMemberId, status (registration). A mission user sees only its own mission.',
    roles: READERS,
    request: { message: 'ofm.vehicles.v1.ListVehiclesRequest', query: true },
    answer: { message: VEHICLE, page: true },
    problems: [404, 422],
  })
  async list(@RpcRequest() request: vehicles.ListVehiclesRequest, @CurrentActor() actor: Actor) {
    const { vehicles, nextCursor } = await this.downstream.vehicles.listVehicles(request, callAs(actor));
    return page(VEHICLE, vehicles, nextCursor);
  }

  @Get(':id')
  @ApiRoute({
    tag: 'vehicles',
    summary: 'One vehicle with its registration',
    roles: READERS,
    request: { message: 'ofm.vehicles.v1.GetVehicleRequest', path: { id: 'id' } },
    answer: { message: VEHICLE },
    problems: [404],
  })
  async get(
    @RpcRequest() request: vehicles.GetVehicleRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { vehicle } = await this.downstream.vehicles.getVehicle(request, callAs(actor));
    return withEtag(reply, answer(VEHICLE, vehicle));
  }

  @Post(':id/insurance')
  @HttpCode(201)
  @ApiRoute({
    tag: 'vehicles',
    summary: 'Record a liability insurance policy',
    description:
      'Either combinedSingleLimit or the three split limits; below the minimum for the kind answers 422 naming the limit. ' +
      "A binder must run at least 30 days (422 rule insurance-binder-duration). If-Match: the vehicle's ETag (409 when it moved).",
    roles: SUBMITTERS,
    request: {
      message: 'ofm.vehicles.v1.AddInsurancePolicyRequest',
      path: { id: 'vehicleId' },
      ifMatch: 'expectedVersion',
    },
    answer: { message: POLICY, with: { vehicle: VEHICLE } },
    status: 201,
    problems: [404, 409, 422],
    idempotent: true,
  })
  async addInsurance(
    @RpcRequest() request: vehicles.AddInsurancePolicyRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { policy, vehicle } = await this.downstream.vehicles.addInsurancePolicy(request, callAs(actor));
    const view: Record<string, unknown> = { ...answer(POLICY, policy), vehicle: answer(VEHICLE, vehicle) };
    return created(reply, `${VEHICLES_PATH}/${request.vehicleId}/insurance`, view);
  }

  @Get(':id/insurance')
  @ApiRoute({
    tag: 'vehicles',
    summary: "A vehicle's liability insurance policies",
    roles: READERS,
    request: { message: 'ofm.vehicles.v1.ListInsurancePoliciesRequest', path: { id: 'vehicleId' } },
    answer: { message: POLICY, page: true },
    problems: [404],
  })
  async listInsurance(@RpcRequest() request: vehicles.ListInsurancePoliciesRequest, @CurrentActor() actor: Actor) {
    const { policies } = await this.downstream.vehicles.listInsurancePolicies(request, callAs(actor));
    return page(POLICY, policies, undefined);
  }

  @Get(':id/insurance/:policyId')
  @ApiRoute({
    tag: 'vehicles',
    summary: 'One insurance policy of a vehicle',
    roles: READERS,
    request: {
      message: 'ofm.vehicles.v1.GetInsurancePolicyRequest',
      path: { id: 'vehicleId', policyId: 'policyId' },
    },
    answer: { message: POLICY },
    problems: [404],
  })
  async getInsurance(@RpcRequest() request: vehicles.GetInsurancePolicyRequest, @CurrentActor() actor: Actor) {
    const { policy } = await this.downstream.vehicles.getInsurancePolicy(request, callAs(actor));
    return answer(POLICY, policy);
  }

  @Post(':id/registration/renewal')
  @HttpCode(200)
  @ApiRoute({
    tag: 'vehicles',
    summary: 'Renew a registration for one more year',
    description:
      'From 90 days before the expiry (422 rule registration-renewal-too-early naming the day renewal opens) or any time after; ' +
      'one year from the later of the expiry and today. A disposal-due or disposed registration is not renewed ' +
      "(422 registration-not-renewable). If-Match: the vehicle's ETag.",
    roles: SUBMITTERS,
    request: {
      message: 'ofm.vehicles.v1.RenewRegistrationRequest',
      path: { id: 'vehicleId' },
      ifMatch: 'expectedVersion',
    },
    answer: { message: VEHICLE },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async renew(
    @RpcRequest() request: vehicles.RenewRegistrationRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { vehicle } = await this.downstream.vehicles.renewRegistration(request, callAs(actor));
    return withEtag(reply, answer(VEHICLE, vehicle));
  }

  @Post(':id/plate/loss')
  @HttpCode(200)
  @ApiRoute({
    tag: 'vehicles',
    summary: 'Report a lost or stolen plate and replace it',
    description:
      'loss: lost | stolen. The vehicle gets a new plate (same letter and country code, a new serial); the old plate is ' +
      "never reissued and verifies as reported-stolen. If-Match: the vehicle's ETag.",
    roles: SUBMITTERS,
    request: {
      message: 'ofm.vehicles.v1.ReportPlateLossRequest',
      path: { id: 'vehicleId' },
      ifMatch: 'expectedVersion',
    },
    answer: { message: VEHICLE },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async plateLoss(
    @RpcRequest() request: vehicles.ReportPlateLossRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { vehicle } = await this.downstream.vehicles.reportPlateLoss(request, callAs(actor));
    return withEtag(reply, answer(VEHICLE, vehicle));
  }

  @Post(':id/titles')
  @HttpCode(200)
  @ApiRoute({
    tag: 'vehicles',
    summary: 'Record an entry of the electronic title ledger',
    description:
      'role: owner | lienholder | lessor; one owner at a time (422 title-owner-recorded). Titles are released at a sale, ' +
      "export or junking. If-Match: the vehicle's ETag.",
    roles: SUBMITTERS,
    request: { message: 'ofm.vehicles.v1.RecordTitleRequest', path: { id: 'vehicleId' }, ifMatch: 'expectedVersion' },
    answer: { message: VEHICLE },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async recordTitle(
    @RpcRequest() request: vehicles.RecordTitleRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { vehicle } = await this.downstream.vehicles.recordTitle(request, callAs(actor));
    return withEtag(reply, answer(VEHICLE, vehicle));
  }

  @Post(':id/disposal')
  @HttpCode(200)
  @ApiRoute({
    tag: 'vehicles',
    summary: 'Record the disposal of a vehicle (sale, export, transfer or junk)',
    description:
      'A sale, export or junking releases the title, only against the returned plates (422 plates-not-returned) and after ' +
      'any reciprocal disposition surcharge of the sending country (422 disposition-surcharge-unpaid, naming the profile ' +
      "version). The vehicle becomes disposed; the owner's return-of-plates item closes. If-Match: the vehicle's ETag.",
    roles: OFFICERS,
    request: {
      message: 'ofm.vehicles.v1.RecordDisposalRequest',
      path: { id: 'vehicleId' },
      ifMatch: 'expectedVersion',
    },
    answer: { message: VEHICLE },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async dispose(
    @RpcRequest() request: vehicles.RecordDisposalRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { vehicle } = await this.downstream.vehicles.recordDisposal(request, callAs(actor));
    return withEtag(reply, answer(VEHICLE, vehicle));
  }
}
