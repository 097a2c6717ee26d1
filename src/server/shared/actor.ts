/** Who is acting: the first argument of every use case. */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      /** The session (browser) or the API token that authenticated this request. */
      sessionId: string | null;
      tokenId: string | null;
      /** An API token is bound to one practice: it reaches no other. */
      tokenPracticeId: string | null;
      requestId: string | null;
      ip: string | null;
    }
  /** The server administrator at the command line: not bound to a practice, still audited. */
  | { kind: 'admin'; adminId: string; requestId: string | null; ip: string | null }
  /** No one is signed in yet (login). */
  | { kind: 'anonymous'; requestId: string | null; ip: string | null };

export const cliActor = (osUser = process.env.USER ?? 'unknown'): Actor => ({
  kind: 'admin',
  adminId: `cli:${osUser}`,
  requestId: null,
  ip: null,
});

export function actorId(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.userId;
    case 'admin':
      return actor.adminId;
    case 'anonymous':
      return 'anonymous';
  }
}
