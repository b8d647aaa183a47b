import { createContext, useContext, useEffect, useRef } from 'react';
import type { StatusPageFieldsFragment } from '../../gql/graphql';

export interface CurrentStatusPage {
  /** The page as last loaded or received live. */
  page: StatusPageFieldsFragment;
  /** The app path of the page: `/projects/:projectId/status-pages/:statusPageId`. */
  base: string;
  /** Whether the caller may change it (project editors and up). */
  editor: boolean;
  /** Loads the page again from the server. */
  reload: () => void;
  /** Counts the live updates of the page: lists of its incidents reload when it moves. */
  version: number;
  /** Takes a page returned by a mutation as the current one. */
  replace: (page: StatusPageFieldsFragment) => void;
}

export const StatusPageContext = createContext<CurrentStatusPage>(null as unknown as CurrentStatusPage);

export function useStatusPage(): CurrentStatusPage {
  return useContext(StatusPageContext);
}

/** Calls `refetch` each time the page changes live (an incident or maintenance moved). */
export function useReloadOnPageChange(refetch: () => void): void {
  const { version } = useStatusPage();
  const first = useRef(version);
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => {
    if (version !== first.current) latest.current();
  }, [version]);
}
