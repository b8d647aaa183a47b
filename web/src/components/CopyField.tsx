import { ActionIcon, CopyButton, TextInput, Tooltip } from '@mantine/core';

/** A read-only value with a copy button. */
export function CopyField({ label, value, description }: { label: string; value: string; description?: string }) {
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      readOnly
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      onFocus={(e) => e.currentTarget.select()}
      rightSectionWidth={72}
      rightSection={
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
              <ActionIcon
                variant="subtle"
                w={64}
                onClick={copy}
                aria-label={copied ? `${label} copied` : `Copy ${label}`}
                color={copied ? 'teal' : 'gray'}
              >
                {copied ? 'Copied' : 'Copy'}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
}
