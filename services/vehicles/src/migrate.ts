import { runMigrationsMain } from '@ofm/persistence';
import { vehiclesDatabase } from './data-source';

// `ofm migrate` / the Helm hook Job: services never migrate at boot (N replicas would race).
void runMigrationsMain(vehiclesDatabase);
