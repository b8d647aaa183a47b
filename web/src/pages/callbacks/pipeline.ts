// A callback's action pipeline as the server runs it: actions in `order` (then id), the
// enabled ones in steps where consecutive parallel actions share a step.

export interface PipelineAction {
  id: string;
  order: number;
  parallel: boolean;
  enabled: boolean;
}

export function sortActions<T extends PipelineAction>(actions: T[]): T[] {
  return [...actions].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The steps of the enabled actions, in order; each step lists actions that run together. */
export function pipelineSteps<T extends PipelineAction>(actions: T[]): T[][] {
  const steps: T[][] = [];
  let previousParallel = false;
  for (const action of sortActions(actions).filter((a) => a.enabled)) {
    if (action.parallel && previousParallel) steps[steps.length - 1].push(action);
    else steps.push([action]);
    previousParallel = action.parallel;
  }
  return steps;
}

/**
 * Moves the action at `index` (in sorted order) by `delta` places and returns the order
 * updates to send: every action renumbered 10, 20, 30… so that later inserts fit between,
 * only those whose order changes.
 */
export function moveAction<T extends PipelineAction>(actions: T[], index: number, delta: number): { id: string; order: number }[] {
  const sorted = sortActions(actions);
  const target = index + delta;
  if (index < 0 || index >= sorted.length || target < 0 || target >= sorted.length) return [];
  const [moved] = sorted.splice(index, 1);
  sorted.splice(target, 0, moved);
  return sorted.map((a, i) => ({ id: a.id, order: (i + 1) * 10 })).filter((u) => actions.find((a) => a.id === u.id)?.order !== u.order);
}

/** The order for a new action: after the last one. */
export function nextOrder(actions: PipelineAction[]): number {
  return actions.reduce((max, a) => Math.max(max, a.order), 0) + 10;
}
