import { Navigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFound, pending } from '../../components/States';
import { graphql } from '../../gql';

// `/go/{kind}/{id}`: the page of an object known by id alone (audit entries record ids, not
// projects), found through `node` and opened in its project.
const NodeProjectQuery = graphql(`
  query NodeProject($id: ID!) {
    node(id: $id) {
      __typename
      ... on Monitor {
        projectId
      }
      ... on Callback {
        projectId
      }
      ... on Job {
        projectId
      }
      ... on Test {
        projectId
      }
      ... on Run {
        projectId
      }
      ... on StatusPage {
        projectId
      }
    }
  }
`);

const PAGES: Record<string, string> = {
  monitor: 'monitors',
  callback: 'callbacks',
  job: 'jobs',
  test: 'tests',
  run: 'runs',
  status_page: 'status-pages',
};

export default function GoTo() {
  const { kind = '', id = '' } = useParams();
  const [result, refetch] = useQuery({ query: NodeProjectQuery, variables: { id }, pause: !PAGES[kind] });
  const waiting = pending(result, () => refetch({ requestPolicy: 'network-only' }));
  if (waiting) return waiting;
  const node = result.data?.node;
  const projectId = node && 'projectId' in node ? node.projectId : null;
  if (!PAGES[kind] || !projectId) return <NotFound what={kind.replace('_', ' ') || 'page'} />;
  return <Navigate to={`/projects/${projectId}/${PAGES[kind]}/${id}`} replace />;
}
