import { foundation } from './0001-foundation.ts';
import { models } from './0002-models.ts';
import { lifecycle } from './0004-lifecycle.ts';
import { identity } from './0003-identity.ts';
import { tasks } from './0005-tasks.ts';
import { scimDeprovision } from './0006-scim-deprovision.ts';
import type { ConferMigration } from './migration.ts';

/** Every migration, in order. Names sort in the order they must run. */
export const MIGRATIONS: ConferMigration[] = [foundation, models, identity, lifecycle, tasks, scimDeprovision];
