/** Database errors from both dialects, sorted into the few kinds the application reacts to (one place). */
export type DbErrorKind = 'unique_violation' | 'foreign_key_violation' | 'append_only_violation' | 'busy' | 'other';

export function classifyDbError(error: unknown): DbErrorKind {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  if (message.includes('audit trail is append-only') || code === 'GA001') return 'append_only_violation';
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return 'unique_violation';
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign_key_violation';
  if (code === 'SQLITE_BUSY' || code === '40001' || code === '40P01') return 'busy';
  return 'other';
}
