import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setUnauthenticatedHandler } from './api.ts';
import { ROLE_PERMISSIONS, type Labels, type MeDto, type Permission, type Role, type RoleInfo } from './types.ts';
import { currentLanguage } from '../i18n/index.ts';

interface AuthValue {
  /** The signed-in user, null when signed out, undefined while we do not know yet. */
  me: MeDto | null | undefined;
  /** Set when the session ended by itself (expired, disabled) rather than by logging out. */
  sessionExpired: boolean;
  login(username: string, password: string): Promise<MeDto>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  can(permission: Permission | null): boolean;
  /** Whether the permission comes from a grant without a unit (installation-wide), not just on some units. */
  canEverywhere(permission: Permission): boolean;
  /** A role's label in the interface language (from GET /api/v1/roles). */
  roleLabel(role: Role): string;
  roles: RoleInfo[];
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [me, setMe] = useState<MeDto | null | undefined>(undefined);
  const [sessionExpired, setSessionExpired] = useState(false);
  const [roles, setRoles] = useState<RoleInfo[]>([]);
  const meRef = useRef(me);
  meRef.current = me;

  // Role labels come with every language at once; they are loaded with the user, so no raw role code ever flashes.
  const rolesRef = useRef(roles);
  rolesRef.current = roles;
  const ensureRoles = useCallback(async () => {
    if (rolesRef.current.length) return;
    try {
      setRoles(await api.get<RoleInfo[]>('/api/v1/roles'));
    } catch {
      // labels fall back to role codes
    }
  }, []);

  const refresh = useCallback(async () => {
    try {
      const user = await api.get<MeDto>('/api/v1/auth/me');
      await ensureRoles();
      setMe(user);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setMe(null);
      else throw err;
    }
  }, [ensureRoles]);

  useEffect(() => {
    refresh().catch(() => setMe(null));
  }, [refresh]);

  // Any 401 later on (session expired or closed elsewhere) sends the user back to the login page.
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (meRef.current) setSessionExpired(true);
      setMe(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const user = await api.post<MeDto>('/api/v1/auth/login', { username, password });
    await ensureRoles();
    setSessionExpired(false);
    setMe(user);
    return user;
  }, [ensureRoles]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) throw err;
    }
    setSessionExpired(false);
    setMe(null);
  }, []);

  const value = useMemo<AuthValue>(() => {
    const permissions = new Set(me?.permissions ?? []);
    const byRole = new Map(roles.map((r) => [r.role, r.label] as [Role, Labels]));
    const lang = currentLanguage();
    return {
      me,
      sessionExpired,
      login,
      logout,
      refresh,
      roles,
      can: (p) => p === null || permissions.has(p),
      canEverywhere: (p) => (me?.grants ?? []).some((g) => g.unitId === null && ROLE_PERMISSIONS[g.role].includes(p)),
      roleLabel: (role) => byRole.get(role)?.[lang] ?? role,
    };
    // i18n.language is a dependency so labels follow the language switch.
  }, [me, sessionExpired, roles, login, logout, refresh, i18n.language]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user inside the authenticated layout (where it is never null). */
export function useMe(): MeDto {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
