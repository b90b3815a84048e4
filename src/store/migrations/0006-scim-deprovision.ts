import type { ConferMigration } from './migration.ts';

/** When SCIM deleted (deprovisioned) a user: hidden from SCIM, blocked like a deactivated user, content kept. */
export const scimDeprovision: ConferMigration = {
  name: '0006-scim-deprovision',
  async up(db) {
    await db.schema.alterTable('users').addColumn('deprovisioned_at', 'text').execute();
  },
};
