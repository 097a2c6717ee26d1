import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MeResponseSchema, type MeResponse } from '../../contracts/auth.js';
import { SetupStatusResponseSchema } from '../../contracts/setup.js';
import { OkResponseSchema } from '../../contracts/common.js';
import { api, ApiError, onSessionLocked, onSignedOut, setApiLanguage, setCsrfToken } from './api.js';

/** Where the person stands: what the app must show before (or instead of) the work screens. */
export type Stage = 'loading' | 'unreachable' | 'setup' | 'signed-out' | 'second-factor' | 'locked' | 'password-change' | 'ready';

interface SessionValue {
  stage: Stage;
  me: MeResponse | null;
  /** The practice being worked in (remembered per person). */
  practiceId: string | null;
  membership: MeResponse['memberships'][number] | null;
  can(permission: string): boolean;
  selectPractice(id: string): void;
  setLanguage(lang: 'fr' | 'en'): void;
  refresh(): Promise<void>;
  lock(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

const ME_KEY = ['me'];

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { i18n } = useTranslation();
  const [locked, setLocked] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  setApiLanguage(i18n.language);

  const setup = useQuery({ queryKey: ['setup'], queryFn: () => api('GET', '/api/v1/setup', SetupStatusResponseSchema), retry: false, staleTime: Infinity });
  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      const r = await api('GET', '/api/v1/me', MeResponseSchema);
      if (r.session) setCsrfToken(r.session.csrfToken);
      return r;
    },
    enabled: setup.data?.needed === false,
    retry: false,
    staleTime: 60_000,
  });

  useEffect(() => onSessionLocked(() => setLocked(true)), []);
  useEffect(() => onSignedOut(() => void qc.resetQueries({ queryKey: ME_KEY })), [qc]);
  const meError = me.error instanceof ApiError ? me.error.code : null;
  useEffect(() => {
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
    if (locked) return 'locked';
    if (me.isPending) return 'loading';
    if (me.isError) {
      if (meError === 'MFA_REQUIRED') return 'second-factor';
      if (meError === 'SESSION_LOCKED') return 'locked';
      if (meError === 'NETWORK') return 'unreachable';
      return 'signed-out';
    }
    if (me.data.user.mustChangePassword) return 'password-change';
    return 'ready';
  }, [setup.isPending, setup.isError, setup.data, locked, me.isPending, me.isError, me.data, meError]);

  const memberships = me.data?.memberships ?? [];
  const practiceId = [chosen, me.data?.preferences.practiceId].find((id) => id && memberships.some((m) => m.practiceId === id)) ?? memberships[0]?.practiceId ?? null;
  const membership = memberships.find((m) => m.practiceId === practiceId) ?? null;

  const refresh = useCallback(async () => {
    setLocked(false);
    await qc.invalidateQueries({ queryKey: ['setup'] });
    // Refetched in place: the work screens stay mounted (an unlock keeps what was being typed).
    await qc.invalidateQueries({ queryKey: ME_KEY });
  }, [qc]);

  const value: SessionValue = {
    stage,
    me: me.data ?? null,
    practiceId,
    membership,
    can: (p) => membership?.permissions.includes(p) ?? false,
    selectPractice: (id) => {
      setChosen(id);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] === 'practice' });
      void api('PATCH', '/api/v1/me/preferences', OkResponseSchema, { practiceId: id }).catch(() => undefined);
    },
    setLanguage: (lang) => {
      void i18n.changeLanguage(lang);
      if (me.data) void api('PATCH', '/api/v1/me/preferences', OkResponseSchema, { language: lang }).then(() => qc.invalidateQueries({ queryKey: ME_KEY }), () => undefined);
    },
    refresh,
    lock: () => setLocked(true),
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
