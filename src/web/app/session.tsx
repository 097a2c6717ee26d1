import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuthSessionResponse, type MeResponse } from '../../contracts/auth.js';
import { authRoutes } from '../../contracts/auth.routes.js';
import { setupRoutes } from '../../contracts/setup.routes.js';
import { call, ApiError, onSessionLocked, onSignedOut, setApiLanguage, setCsrfToken } from './api.js';

/** Where the person stands: what the app must show before (or instead of) the work screens. */
export type Stage =
  'loading' | 'unreachable' | 'setup' | 'signed-out' | 'second-factor' | 'locked' | 'password-change' | 'ready';

interface SessionValue {
  stage: Stage;
  /** The sign-in step the server holds for this browser (second factor, enrolment, lock): what a reload resumes. */
  authStep: AuthSessionResponse['step'] | null;
  /** The signed-in person's name, known from the first step on (the lock screen greets them by it). */
  name: string;
  me: MeResponse | null;
  /** The practice being worked in (remembered per person). */
  practiceId: string | null;
  membership: MeResponse['memberships'][number] | null;
  can: (permission: string) => boolean;
  selectPractice: (id: string) => void;
  setLanguage: (lang: 'fr' | 'en') => void;
  refresh: () => Promise<void>;
  lock: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/**
 * The route parameters of the practice being worked in. The workspace's pages render only once a practice is
 * chosen (`Shell`), so a page that calls this always has one.
 */
export function usePracticeParams(): { practiceId: string } {
  const { practiceId } = useSession();
  if (!practiceId) throw new Error('usePracticeParams outside a practice');
  return { practiceId };
}

const ME_KEY = ['me'];
const AUTH_KEY = ['auth-session'];

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { i18n } = useTranslation();
  const [locked, setLocked] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  setApiLanguage(i18n.language);

  const setup = useQuery({
    queryKey: ['setup'],
    queryFn: () => call(setupRoutes.status),
    retry: false,
    staleTime: Infinity,
  });
  // Where the session stands, from the server: a reload, a second tab or a reopened browser resumes at the same step with
  // the CSRF token (it lives in the page's memory only). Read again on refresh(), never on its own: a step in progress (the
  // recovery codes on screen) is not swapped for the next under the person's eyes.
  const authSession = useQuery({
    queryKey: AUTH_KEY,
    queryFn: async () => {
      const r = await call(authRoutes.sessionStatus);
      setCsrfToken(r.csrfToken);
      return r;
    },
    enabled: setup.data?.needed === false,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const authStep = authSession.data?.step ?? null;
  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      const r = await call(authRoutes.me);
      if (r.session) setCsrfToken(r.session.csrfToken);
      return r;
    },
    enabled: authStep === 'authenticated' || authStep === 'password_change_required',
    retry: false,
    staleTime: 60_000,
  });

  useEffect(() => onSessionLocked(() => setLocked(true)), []);
  useEffect(
    () =>
      onSignedOut(
        () => void qc.resetQueries({ predicate: (q) => q.queryKey[0] === ME_KEY[0] || q.queryKey[0] === AUTH_KEY[0] }),
      ),
    [qc],
  );
  const meError = me.error instanceof ApiError ? me.error.code : null;
  useEffect(() => {
    // The server said the session is locked (another tab, or the idle delay passed on its side): follow it.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing with the server's answer, once per change
    if (meError === 'SESSION_LOCKED') setLocked(true);
  }, [meError]);

  // The person's own language choice wins over the browser's.
  const preferred = me.data?.preferences.language;
  useEffect(() => {
    if (preferred && preferred !== i18n.language) void i18n.changeLanguage(preferred);
  }, [preferred, i18n]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    localStorage.setItem('gardien.language', i18n.language);
    setApiLanguage(i18n.language);
  }, [i18n.language]);

  const stage: Stage = useMemo(() => {
    if (setup.isPending) return 'loading';
    if (setup.isError) return 'unreachable';
    if (setup.data.needed) return 'setup';
    if (authSession.isPending) return 'loading';
    if (authSession.isError)
      return authSession.error instanceof ApiError && authSession.error.code === 'NETWORK'
        ? 'unreachable'
        : 'signed-out';
    if (authStep === 'mfa_required' || authStep === 'mfa_enrollment_required') return 'second-factor';
    if (locked || authStep === 'locked') return 'locked';
    if (me.isPending) return 'loading';
    if (me.isError) {
      if (meError === 'MFA_REQUIRED') return 'second-factor';
      if (meError === 'SESSION_LOCKED') return 'locked';
      if (meError === 'NETWORK') return 'unreachable';
      return 'signed-out';
    }
    if (me.data.user.mustChangePassword) return 'password-change';
    return 'ready';
  }, [
    setup.isPending,
    setup.isError,
    setup.data,
    authSession.isPending,
    authSession.isError,
    authSession.error,
    authStep,
    locked,
    me.isPending,
    me.isError,
    me.data,
    meError,
  ]);

  const memberships = me.data?.memberships ?? [];
  const practiceId =
    [chosen, me.data?.preferences.practiceId].find((id) => id && memberships.some((m) => m.practiceId === id)) ??
    memberships[0]?.practiceId ??
    null;
  const membership = memberships.find((m) => m.practiceId === practiceId) ?? null;

  const refresh = useCallback(async () => {
    setLocked(false);
    await qc.invalidateQueries({ queryKey: ['setup'] });
    await qc.invalidateQueries({ queryKey: AUTH_KEY });
    // Refetched in place: the work screens stay mounted (an unlock keeps what was being typed).
    await qc.invalidateQueries({ queryKey: ME_KEY });
  }, [qc]);

  const value: SessionValue = {
    stage,
    authStep,
    name: me.data?.user.name ?? authSession.data?.name ?? '',
    me: me.data ?? null,
    practiceId,
    membership,
    can: (p) => membership?.permissions.includes(p) ?? false,
    selectPractice: (id) => {
      setChosen(id);
      qc.removeQueries({ queryKey: ['practices'] });
      void call(authRoutes.updatePreferences, { body: { practiceId: id } }).catch(() => undefined);
    },
    setLanguage: (lang) => {
      void i18n.changeLanguage(lang);
      if (me.data)
        void call(authRoutes.updatePreferences, { body: { language: lang } }).then(
          () => qc.invalidateQueries({ queryKey: ME_KEY }),
          () => undefined,
        );
    },
    refresh,
    lock: () => setLocked(true),
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
