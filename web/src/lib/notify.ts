import { notifications } from '@mantine/notifications';
import type { CombinedError } from '@urql/core';
import { showPlanLimit } from '../components/PlanLimit';
import { errorText } from './errors';

export function notifySaved(message: string): void {
  notifications.show({ color: 'teal', message });
}

export function notifyError(error: CombinedError | undefined, title = 'That did not work'): void {
  // A plan limit says which limit and links to the billing page.
  if (showPlanLimit(error)) return;
  notifications.show({ color: 'red', title, message: errorText(error) || 'Something went wrong.' });
}

/** Runs a mutation that has no form; tells how it went. Returns true on success. */
export async function act(run: () => Promise<{ error?: CombinedError }>, success?: string): Promise<boolean> {
  const result = await run();
  if (result.error) {
    notifyError(result.error);
    return false;
  }
  if (success) notifySaved(success);
  return true;
}
