import { runMigrationsMain } from '@ofm/persistence';
import { gatewayDatabase } from './data-source';

// `ofm migrate` / the Helm hook Job: apply pending migrations to DATABASE_URL, say which, exit.
void runMigrationsMain(gatewayDatabase);
