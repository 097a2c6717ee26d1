import { useEffect, useRef } from 'react';
import { authRoutes } from '../../contracts/auth.routes.js';
import { call, millisSinceLastCall } from './api.js';
import { useSession } from './session.js';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;

/**
 * The idle lock, on the screen side: after the practice's inactivity delay without a key pressed or the pointer
 * moved, the screen is covered. The server enforces the same delay on its side (a request after it answers
 * SESSION_LOCKED); while the person is active, a light request at most once a minute keeps both in step.
 */
export function IdleWatch() {
  const s = useSession();
  const minutes = s.me?.session?.idleLockMinutes ?? 5;
  const lock = useRef(s.lock);
  useEffect(() => {
    lock.current = s.lock;
  });
  useEffect(() => {
    let lastActivity = Date.now();
    const onActivity = () => {
      lastActivity = Date.now();
      if (millisSinceLastCall() > 60_000) void call(authRoutes.me).catch(() => undefined);
    };
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= minutes * 60_000) lock.current();
    }, 1000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [minutes]);
  return null;
}
