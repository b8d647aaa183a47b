import { describe, expect, it } from 'vitest';
import { moveAction, nextOrder, pipelineSteps } from './pipeline';

const a = (id: string, order: number, parallel = false, enabled = true) => ({ id, order, parallel, enabled });

describe('pipelineSteps', () => {
  it('groups consecutive parallel actions into one step, like the server', () => {
    const steps = pipelineSteps([a('d', 40), a('b', 20, true), a('a', 10), a('c', 30, true), a('e', 50, true)]);
    expect(steps.map((s) => s.map((x) => x.id))).toEqual([['a'], ['b', 'c'], ['d'], ['e']]);
  });

  it('skips disabled actions, which joins the parallel actions around them', () => {
    const steps = pipelineSteps([a('a', 10, true), a('b', 20, false, false), a('c', 30, true)]);
    expect(steps.map((s) => s.map((x) => x.id))).toEqual([['a', 'c']]);
  });

  it('breaks ties in order by id', () => {
    expect(pipelineSteps([a('b', 10), a('a', 10)]).map((s) => s[0].id)).toEqual(['a', 'b']);
  });
});

describe('moveAction', () => {
  it('renumbers and returns only the changed orders', () => {
    const actions = [a('a', 10), a('b', 20), a('c', 30)];
    expect(moveAction(actions, 2, -1)).toEqual([
      { id: 'c', order: 20 },
      { id: 'b', order: 30 },
    ]);
    expect(moveAction([a('a', 0), a('b', 0)], 0, 1)).toEqual([
      { id: 'b', order: 10 },
      { id: 'a', order: 20 },
    ]);
  });

  it('does nothing past either end', () => {
    expect(moveAction([a('a', 10)], 0, -1)).toEqual([]);
    expect(moveAction([a('a', 10), a('b', 20)], 1, 1)).toEqual([]);
  });

  it('puts a new action last', () => {
    expect(nextOrder([])).toBe(10);
    expect(nextOrder([a('a', 10), a('b', 35)])).toBe(45);
  });
});
