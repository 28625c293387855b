import { runMigrationsMain } from '@ofm/persistence';
import { insightsDatabase } from './data-source';

// `ofm migrate` / the Helm hook Job, never at service start: N replicas must not race on the schema.
void runMigrationsMain(insightsDatabase);
