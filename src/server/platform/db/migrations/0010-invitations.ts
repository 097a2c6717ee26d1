import type { Kysely } from 'kysely';

/**
 * Invitations to a practice: a person's account joins another practice only once they accept, signed in; a new
 * account created by an owner counts as accepted at its first full sign-in. Same shape either way, so that adding a
 * person tells the owner nothing of whether the e-mail already had an account elsewhere.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    /** 'new_account': created with a temporary password, membership in force; 'existing_account': a membership once accepted. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('declined_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('invitations_practice_idx').on('invitations').columns(['practice_id', 'created_at']).execute();
  await db.schema.createIndex('invitations_user_idx').on('invitations').columns(['user_id']).execute();
}
