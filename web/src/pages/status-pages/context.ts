import { createContext, useContext } from 'react';
import type { StatusPageFieldsFragment } from '../../gql/graphql';

export interface CurrentStatusPage {
  /** The page as last loaded or received live. */
  page: StatusPageFieldsFragment;
  /** Whether the caller may change it (project editors and up). */
  editor: boolean;
  /** Loads the page again from the server. */
  reload: () => void;
  /** Takes a page returned by a mutation as the current one. */
  replace: (page: StatusPageFieldsFragment) => void;
}

export const StatusPageContext = createContext<CurrentStatusPage>(null as unknown as CurrentStatusPage);

export function useStatusPage(): CurrentStatusPage {
  return useContext(StatusPageContext);
}
