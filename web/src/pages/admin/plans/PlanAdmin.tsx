import { Anchor, Badge, Button, Table } from '@mantine/core';
import { Link, Route, Routes, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Page } from '../../../components/Page';
import { Empty, NotFound, pending } from '../../../components/States';
import type { AdminPlanFragment } from '../../../gql/graphql';
import { enumLabel } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { priceLabel } from '../../organization/billing/money';
import { AssignPlan } from './AssignPlan';
import { AdminPlansQuery } from './operations';
import { PlanEditor } from './PlanEditor';
import { soldThrough } from './planForm';

/** `/admin/plans`: the plans of the instance and organizations' plans, for system administrators. */
export default function PlanAdmin() {
  const me = useMe();
  const admin = me.role === 'ADMIN';
  const [result, refetch] = useQuery({ query: AdminPlansQuery, pause: !admin });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (!admin) {
    return (
      <Page title="Plans">
        <Empty title="Only system administrators manage plans" />
      </Page>
    );
  }
  const waiting = pending(result, reload, { loadingLabel: 'Loading plans…' });
  if (waiting) return waiting;
  const plans = result.data?.plans ?? [];
  return (
    <Routes>
      <Route index element={<PlanList plans={plans} />} />
      <Route path="new" element={<PlanEditor onSaved={reload} />} />
      <Route path=":planId" element={<EditPlan plans={plans} onSaved={reload} />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function EditPlan({ plans, onSaved }: { plans: AdminPlanFragment[]; onSaved: () => void }) {
  const { planId } = useParams();
  const plan = plans.find((p) => p.id === planId);
  if (!plan) return <NotFound what="plan" />;
  return <PlanEditor key={plan.id} plan={plan} onSaved={onSaved} />;
}

function PlanList({ plans }: { plans: AdminPlanFragment[] }) {
  return (
    <Page
      title="Plans"
      description="Every plan of the instance, retired ones too, cheapest first."
      actions={
        <Button component={Link} to="new">
          New plan
        </Button>
      }
    >
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Plan</Table.Th>
            <Table.Th>Price</Table.Th>
            <Table.Th>Limits</Table.Th>
            <Table.Th>Sold through</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={p.id} aria-label={`Edit plan ${p.name}`}>
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{priceLabel(p.price, p.currency, p.interval)}</Table.Td>
              <Table.Td>{enumLabel(p.limits.tier)}</Table.Td>
              <Table.Td>{soldThrough(p)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={p.isActive ? 'teal' : 'gray'}>
                  {p.isActive ? 'active' : 'retired'}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AssignPlan plans={plans} />
    </Page>
  );
}
