import { sql, type Kysely } from 'kysely';

/**
 * Invitations to a practice: a person's account joins another practice only once they accept, signed in, with the
 * temporary password the owner handed over; a new account created by an owner counts as accepted at its first full
 * sign-in. Same shape either way, so that adding a person tells the owner nothing of whether the e-mail already had an
 * account elsewhere. Membership periods: when each person was a member, kept across leaving and coming back, for the
 * sign-ins a practice may see.
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
    /** existing_account: argon2id of the temporary password the owner handed over, which the person types to accept. */
    .addColumn('code_hash', 'text')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('declined_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('invitations_practice_idx')
    .on('invitations')
    .columns(['practice_id', 'created_at'])
    .execute();
  await db.schema.createIndex('invitations_user_idx').on('invitations').columns(['user_id']).execute();
  await db.schema
    .createTable('membership_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema
    .createIndex('membership_periods_practice_idx')
    .on('membership_periods')
    .columns(['practice_id', 'user_id'])
    .execute();
  // The memberships so far: one period each, from joining to leaving (ids from the pair, unique per membership).
  await sql`insert into membership_periods (id, practice_id, user_id, started_at, ended_at) select 'mpe_' || practice_id || '_' || user_id, practice_id, user_id, created_at, ended_at from memberships`.execute(
    db,
  );
}
