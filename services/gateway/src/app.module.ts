import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { PersistenceModule } from '@ofm/persistence';
import { PlatformModule, type PinoNestLogger } from '@ofm/platform';
import type { DataSource } from 'typeorm';
import { HttpAuthGuard } from './auth/http-auth.guard';
import { createTokenVerifier, TOKEN_VERIFIER } from './auth/token-verifier';
import { GATEWAY_CONFIG, type GatewayConfig } from './config';
import { gatewayDatabase } from './data-source';
import { FlagsController } from './flags/flags.controller';
import { LicencesController } from './licences/licences.controller';
import { Downstream } from './grpc/downstream';
import { IdempotencyHousekeeping } from './idempotency/idempotency.housekeeping';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { MembersController } from './members/members.controller';
import { ReturnedDocumentsController } from './members/returned-documents.controller';
import { MissionsController } from './missions/missions.controller';
import { AsyncApiController } from './openapi/asyncapi.controller';
import { DocsController } from './openapi/docs.controller';
import { OpenApiDocumentHolder } from './openapi/openapi.holder';
import { AgreementsController } from './reciprocity/agreements.controller';
import { ReciprocityController } from './reciprocity/reciprocity.controller';
import { TenureController } from './tenure/tenure.controller';
import { TravelNotificationsController } from './travel/travel-notifications.controller';
import { VehiclesController } from './vehicles/vehicles.controller';
import { InsuranceFeedsController } from './insurance-feeds/insurance-feeds.controller';
import { InsuranceCancellationController } from './vehicles/insurance-cancellation.controller';
import { InsuranceRemindersController } from './vehicles/insurance-reminders.controller';
import { VerificationController } from './verification/verification.controller';
import { VerificationService } from './verification/verification.service';

export const API_CONTROLLERS = [
  MissionsController,
  MembersController,
  VehiclesController,
  InsuranceFeedsController,
  InsuranceCancellationController,
  InsuranceRemindersController,
  VerificationController,
  LicencesController,
  FlagsController,
  ReciprocityController,
  AgreementsController,
  TravelNotificationsController,
  ReturnedDocumentsController,
  TenureController,
];

export interface AppModuleOptions {
  logger?: PinoNestLogger;
  // Providers that replace those with the same token (tests swap the gRPC clients and the token
  // verifier; @nestjs/testing is not a dependency of the repository).
  providers?: Provider[];
  // A database of the test's own (or a fake) instead of connecting to config.databaseUrl.
  dataSource?: DataSource;
}

const tokenOf = (p: Provider): unknown => (typeof p === 'function' ? p : p.provide);

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig, options: AppModuleOptions = {}): DynamicModule {
    const base: Provider[] = [
      { provide: GATEWAY_CONFIG, useValue: config },
      { provide: TOKEN_VERIFIER, useFactory: () => createTokenVerifier(config.auth) },
      Downstream,
      IdempotencyStore,
      IdempotencyHousekeeping,
      VerificationService,
      OpenApiDocumentHolder,
      { provide: APP_GUARD, useClass: HttpAuthGuard },
      { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    ];
    const replaced = new Set((options.providers ?? []).map(tokenOf));
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ serviceName: 'gateway', ...(options.logger ? { logger: options.logger } : {}) }),
        PersistenceModule.forRoot({
          database: gatewayDatabase,
          connection: { url: config.databaseUrl },
          ...(options.dataSource ? { dataSource: options.dataSource } : {}),
        }),
      ],
      controllers: [...API_CONTROLLERS, DocsController, AsyncApiController],
      providers: [...base.filter((p) => !replaced.has(tokenOf(p))), ...(options.providers ?? [])],
    };
  }
}
