import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import { relativeTime } from '../lib/format';
import { inboxItem, unreadLabel } from '../lib/inbox';
import { useRefetchOnReconnect } from '../lib/live';

const InboxQuery = graphql(`
  query Inbox {
    notifications(first: 15) {
      nodes {
        id
        kind
        content
        read
        createdAt
      }
    }
    unread: notifications(first: 1, unreadOnly: true) {
      totalCount
    }
  }
`);

const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
    }
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($id: ID) {
    markNotificationsRead(id: $id)
  }
`);

/** The header's bell: the unread count, live, and the latest notifications in a popover. */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: InboxQuery });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useSubscription({ query: NotificationAddedSubscription }, () => {
    reload();
    return null;
  });
  useRefetchOnReconnect(reload);
  const [, markRead] = useMutation(MarkReadMutation);
  const unread = result.data?.unread.totalCount ?? 0;
  const items = result.data?.notifications.nodes ?? [];
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;

  const open = async (id: string, read: boolean, path: string | null) => {
    if (!read) {
      await markRead({ id });
      reload();
    }
    if (path) {
      setOpened(false);
      navigate(path);
    }
  };

  return (
    <Indicator label={unreadLabel(unread)} size={16} disabled={unread === 0} offset={4} color="red" data-testid="bell-count" data-count={unread}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} withinPortal shadow="md" trapFocus>
        <Popover.Target>
          <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setOpened((o) => !o)} data-testid="bell">
            <span aria-hidden>🔔</span>
          </ActionIcon>
        </Popover.Target>
      <Popover.Dropdown p="xs" aria-label="Notifications">
        <Group justify="space-between" px="xs" pb="xs" wrap="nowrap">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          {unread > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={async () => {
                await markRead({ id: null });
                reload();
              }}
            >
              Mark all read
            </Button>
          )}
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" px="xs" pb="xs">
            Nothing yet. Alerts about your monitors and invitations land here.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="bell-list">
              {items.map((n) => {
                const item = inboxItem(n.kind, n.content);
                return (
                  <li key={n.id}>
                    <UnstyledButton
                      w="100%"
                      p="xs"
                      style={{ borderRadius: 'var(--mantine-radius-sm)', background: n.read ? undefined : 'var(--mantine-color-indigo-light)' }}
                      onClick={() => void open(n.id, n.read, item.path)}
                      data-read={n.read}
                    >
                      <Text size="sm" fw={n.read ? 400 : 600}>
                        {!n.read && <span className="sr-only">Unread: </span>}
                        {item.title}
                      </Text>
                      {item.body && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {item.body}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {relativeTime(n.createdAt)}
                      </Text>
                    </UnstyledButton>
                  </li>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
