import { createContext, useContext } from 'react';
import type { Me } from '../api/types.ts';

export const MeContext = createContext<Me | null>(null);

/** The signed-in user and account; only rendered inside the signed-in app. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the signed-in app');
  return me;
}

/** Owners and admins see the admin console. */
export const isAdmin = (me: Me): boolean => me.user.role === 'owner' || me.user.role === 'admin';
