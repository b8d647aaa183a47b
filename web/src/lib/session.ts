import { createContext, useContext } from 'react';
import type { Session } from './client';

export interface Me {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  role: string;
  twoFactorEnabled: boolean;
}

export interface SessionValue {
  session: Session;
  me: Me | null;
  /** After sign-in or sign-up: a new client whose socket carries the new cookie. */
  signedIn: (me: Me) => void;
  signedOut: () => void;
  refreshMe: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue>(null as unknown as SessionValue);

export function useSession(): SessionValue {
  return useContext(SessionContext);
}

export function useMe(): Me {
  const { me } = useContext(SessionContext);
  if (!me) throw new Error('useMe outside a signed-in page');
  return me;
}
