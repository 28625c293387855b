import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { travel } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { TravelNotificationService } from './travel-notification.service';

export const TRAVEL_SERVICE = 'TravelService';

// Roles re-checked here as at the gateway; mission scoping happens in TravelNotificationService.
@Controller()
@UseGuards(RpcRolesGuard)
export class TravelNotificationGrpcController implements travel.TravelServiceController {
  constructor(private readonly notifications: TravelNotificationService) {}

  // Missions notify their members' travel; officers too, and only they report a trip made without notice.
  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(TRAVEL_SERVICE, 'submitTravelNotification')
  async submitTravelNotification(
    request: travel.SubmitTravelNotificationRequest,
    metadata?: Metadata,
  ): Promise<travel.SubmitTravelNotificationResponse> {
    return { notification: await this.notifications.submit(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  @GrpcMethod(TRAVEL_SERVICE, 'getTravelNotification')
  async getTravelNotification(
    request: travel.GetTravelNotificationRequest,
    metadata?: Metadata,
  ): Promise<travel.GetTravelNotificationResponse> {
    return { notification: await this.notifications.get(grpcActor(metadata), request.id) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  @GrpcMethod(TRAVEL_SERVICE, 'listTravelNotifications')
  listTravelNotifications(
    request: travel.ListTravelNotificationsRequest,
    metadata?: Metadata,
  ): Promise<travel.ListTravelNotificationsResponse> {
    return this.notifications.list(grpcActor(metadata), request);
  }

  // OFM decides; the mission may not approve its own travel.
  @Roles('ofm-admin', 'ofm-officer')
  @GrpcMethod(TRAVEL_SERVICE, 'decideTravelNotification')
  async decideTravelNotification(
    request: travel.DecideTravelNotificationRequest,
    metadata?: Metadata,
  ): Promise<travel.DecideTravelNotificationResponse> {
    return { notification: await this.notifications.decide(grpcActor(metadata), request) };
  }
}
