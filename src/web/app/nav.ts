/**
 * The modules of Gardien, in the order the navigation shows them. Only those built in this version appear
 * (`path` set): no dead link, no placeholder page. `permission` hides what the role may not open.
 */
export interface NavItem {
  key: string;
  path: string | null;
  permission: string | null;
}

export const NAV: readonly NavItem[] = [
  { key: 'home', path: '/', permission: 'worklist.read' },
  { key: 'register', path: '/register', permission: 'register.read' },
  { key: 'notices', path: '/notices', permission: 'register.read' },
  { key: 'requests', path: '/requests', permission: 'request.read' },
  { key: 'patients', path: '/patients', permission: 'patient.read' },
  { key: 'breaches', path: '/breaches', permission: 'breach.read' },
  { key: 'processors', path: '/processors', permission: 'processor.read' },
  { key: 'security', path: null, permission: null },
  { key: 'practice', path: '/practice', permission: 'practice.read' },
  { key: 'team', path: '/team', permission: 'member.list' },
  { key: 'rituals', path: null, permission: null },
  { key: 'retention', path: null, permission: null },
  { key: 'consents', path: null, permission: null },
  { key: 'audit', path: '/audit', permission: 'audit.read' },
  { key: 'assessment', path: null, permission: null },
  { key: 'dpia', path: null, permission: null },
  { key: 'inspection', path: null, permission: null },
  { key: 'backup', path: '/backup', permission: 'backup.read' },
  { key: 'account', path: '/account', permission: null },
];

export const builtNav = (can: (p: string) => boolean) =>
  NAV.filter((n): n is NavItem & { path: string } => n.path !== null && (n.permission === null || can(n.permission)));
