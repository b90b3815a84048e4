import type { ConferMigration } from './migration.ts';

export const tasks: ConferMigration = {
  name: '0005-tasks',
  async up(db) {
    await db.schema
      .createTable('tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      // No foreign key: a task outlives its meeting as the assignee's to-do.
      .addColumn('meeting_id', 'text', (c) => c.notNull())
      .addColumn('segment', 'integer')
      .addColumn('start_s', 'double precision')
      .addColumn('speaker', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('assignee_user_id', 'text')
      .addColumn('assignee_name', 'text')
      .addColumn('due', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source_output_id', 'text')
      .addColumn('source_key', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('tasks_account_source', ['account_id', 'source_key'])
      .execute();
    await db.schema.createIndex('tasks_assignee').on('tasks').columns(['account_id', 'assignee_user_id']).execute();
    await db.schema.createIndex('tasks_meeting').on('tasks').columns(['account_id', 'meeting_id']).execute();
    await db.schema.createIndex('tasks_status_due').on('tasks').columns(['account_id', 'status', 'due']).execute();
  },
};
